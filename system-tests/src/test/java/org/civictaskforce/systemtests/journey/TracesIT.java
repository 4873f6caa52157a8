package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * One invitation is one trace, from the gateway to the SMTP server: gateway → membership-service (its request, then
 * the outbox relay's publication in the same trace, though it runs on another thread after the request ended) →
 * Kafka → notification-service (the record's consumption, then the dispatch worker's SMTP conversation). The test
 * starts the trace itself with a W3C {@code traceparent} header, as a caller with its own tracing would, and reads the
 * trace back from the devstack's Zipkin. No span carries the person's name or address; the services' log lines carry
 * the trace id.
 */
class TracesIT {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    static Devstack stack;
    static GatewayClient coordinator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheWholeSystem() {
        stack = SystemUnderTest.stack();
        coordinator = SystemUnderTest.gateway();
    }

    @Test
    void anInvitationIsOneTraceFromTheGatewayToTheSmtpServer() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String name = "Aigerim Tracetestova " + run;
        String email = "aigerim." + run + "@example.org";
        GatewayClient.Answer person = coordinator.post("/api/membership/people", """
                {"displayName":"%s","email":"%s","country":"KZ","preferredLanguage":"kk",
                 "timeZone":"Asia/Almaty","roles":["MEMBER"]}""".formatted(name, email));
        assertThat(person.status()).isEqualTo(201);

        String traceId = HEX.formatHex(bytes(16));
        HttpResponse<String> invited = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                        + "/api/membership/people/" + person.body().get("id").asString() + "/invitations"))
                .header("Authorization", coordinator.authorization())
                .header("traceparent", "00-" + traceId + "-" + HEX.formatHex(bytes(8)) + "-01")
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(invited.statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.mailMessages().stream()
                .anyMatch(m -> m.to() != null && m.to().contains(email)));

        // each service sends its spans in batches of its own (every 5 s at most): wait until all have arrived
        AtomicReference<List<JsonNode>> trace = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<JsonNode> spans = spans(traceId);
            assertThat(spans).as("the gateway's span of the request")
                    .anySatisfy(s -> assertSpan(s, "gateway", null, "SERVER"));
            assertThat(spans).as("membership-service's span of the request")
                    .anySatisfy(s -> assertSpan(s, "membership-service", null, "SERVER"));
            assertThat(spans).as("the outbox relay's publication, in the request's trace")
                    .anySatisfy(s -> assertSpan(s, "membership-service",
                            "outbox publish org.civictaskforce.membership.member.invited", null));
            assertThat(spans).as("the record sent to Kafka")
                    .anySatisfy(s -> assertSpan(s, "membership-service", null, "PRODUCER"));
            assertThat(spans).as("the record received by notification-service")
                    .anySatisfy(s -> assertSpan(s, "notification-service", null, "CONSUMER"));
            assertThat(spans).as("the SMTP conversation")
                    .anySatisfy(s -> assertSpan(s, "notification-service", "smtp send", null));
            trace.set(spans);
        });
        List<JsonNode> spans = trace.get();
        List<String> leaks = new ArrayList<>();
        for (JsonNode span : spans) {
            String text = span.toString();
            for (String secret : List.of(email, name, "Tracetestova")) {
                if (text.contains(secret)) {
                    leaks.add(span.path("localEndpoint").path("serviceName").asString() + " span "
                            + span.path("name").asString() + " holds " + secret);
                }
            }
        }
        assertThat(leaks).as("no span carries the person's name or address").isEmpty();

        for (DevstackService service : List.of(DevstackService.MEMBERSHIP, DevstackService.NOTIFICATION)) {
            assertThat(Files.readString(stack.logFile(service), StandardCharsets.UTF_8))
                    .as(service.module() + "'s log lines carry the trace id").contains("trace=" + traceId);
        }
    }

    private static void assertSpan(JsonNode span, String service, String name, String kind) {
        assertThat(span.path("localEndpoint").path("serviceName").asString()).isEqualTo(service);
        if (name != null) {
            assertThat(span.path("name").asString()).isEqualToIgnoringCase(name);
        }
        if (kind != null) {
            assertThat(span.path("kind").asString()).isEqualTo(kind);
        }
    }

    private List<JsonNode> spans(String traceId) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(stack.zipkinUrl()
                + "/api/v2/trace/" + traceId)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> spans = new ArrayList<>();
        if (answer.statusCode() == 200) {
            GatewayClient.JSON.readTree(answer.body()).forEach(spans::add);
        }
        return spans;
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
