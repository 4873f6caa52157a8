package org.civictaskforce.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SampleDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void samplePeopleAreFictionalAndFromTheRegion() {
        List<ObjectNode> people = SampleData.people();
        assertThat(people).hasSizeBetween(6, 10);
        for (ObjectNode p : people) {
            assertThat(p.has("invite")).isFalse();
            assertThat(p.path("displayName").asString()).isNotBlank();
            assertThat(p.path("fullName").asString()).isNotBlank();
            assertThat(p.path("email").asString()).endsWith("@example.org");
            assertThat(p.path("country").asString()).isIn("KZ", "KG", "TJ", "UZ", "TM");
            assertThat(p.path("preferredLanguage").asString()).isIn("ru", "en", "kk", "ky", "tg", "uz");
            assertThat(p.path("timeZone").asString())
                    .isIn("Asia/Almaty", "Asia/Bishkek", "Asia/Dushanbe", "Asia/Tashkent", "Asia/Ashgabat");
            assertThat(ZoneId.of(p.path("timeZone").asString())).isNotNull();
        }
        assertThat(people.stream().map(p -> p.path("country").asString()).distinct())
                .containsExactlyInAnyOrder("KZ", "KG", "TJ", "UZ", "TM");
        assertThat(people.stream().map(p -> p.path("email").asString()).distinct()).hasSameSizeAs(people);
    }

    @Test
    void createsPeopleAndInvitesAboutHalfOnceThroughTheGateway() throws Exception {
        FakeMembershipApi api = new FakeMembershipApi();
        String url = api.start();

        SampleData.Result first = new SampleData(url).load();
        assertThat(first.warnings()).isEmpty();
        assertThat(first.skipped()).isFalse();
        assertThat(first.created()).isEqualTo(SampleData.people().size());
        assertThat(first.invited()).isBetween(first.created() / 2 - 1, first.created() / 2 + 1);
        assertThat(api.people).hasSize(first.created());
        assertThat(api.invited).hasSize(first.invited());
        JsonNode created = api.people.get(0);
        assertThat(created.propertyNames()).containsExactlyInAnyOrder(
                "displayName", "fullName", "email", "country", "preferredLanguage", "timeZone");

        SampleData.Result second = new SampleData(url).load();
        assertThat(second.skipped()).isTrue();
        assertThat(second.created()).isZero();
        assertThat(api.people).hasSize(first.created());
        assertThat(api.invited).hasSize(first.invited());
        assertThat(second.summary()).isEqualTo("sample data already present — nothing loaded");
    }

    @Test
    void warnsAndContinuesWhenTheMembershipApiIsNotThereYet() throws Exception {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> respond(exchange, 404, "{\"status\":404}"));
        server.start();
        List<String> warnings = new ArrayList<>();
        SampleData.Result result = new SampleData("http://localhost:" + server.getAddress().getPort())
                .onWarning(warnings::add).load();
        assertThat(result.skipped()).isTrue();
        assertThat(result.created()).isZero();
        assertThat(warnings).singleElement().asString()
                .contains("the membership API is not there yet").contains("404");
    }

    @Test
    void warnsWhenTheGatewayIsNotReachable() {
        SampleData.Result result = new SampleData("http://localhost:" + Ports.freePort()).onWarning(w -> { }).load();
        assertThat(result.skipped()).isTrue();
        assertThat(result.warnings()).singleElement().asString().startsWith("sample data not loaded: GET");
    }

    /** Just enough of the membership API, as the gateway exposes it. */
    private final class FakeMembershipApi {
        final List<JsonNode> people = new CopyOnWriteArrayList<>();
        final List<String> invited = new CopyOnWriteArrayList<>();
        final Set<String> emails = java.util.concurrent.ConcurrentHashMap.newKeySet();

        String start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/membership/people", this::handle);
            server.start();
            return "http://localhost:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("/api/membership/people")) {
                assertThat(exchange.getRequestURI().getQuery()).isEqualTo("size=1");
                respond(exchange, 200, "{\"content\":[],\"page\":{\"size\":1,\"number\":0,\"totalElements\":"
                        + people.size() + ",\"totalPages\":" + people.size() + "}}");
            } else if (method.equals("POST") && path.equals("/api/membership/people")) {
                assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json");
                JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                if (!emails.add(body.path("email").asString())) {
                    respond(exchange, 409, "{}");
                    return;
                }
                people.add(body);
                String id = UUID.randomUUID().toString();
                respond(exchange, 201, "{\"id\":\"" + id + "\",\"displayName\":\""
                        + body.path("displayName").asString() + "\"}");
            } else if (method.equals("POST") && path.matches("/api/membership/people/[^/]+/invitations")) {
                assertThat(exchange.getRequestBody().readAllBytes()).isEmpty();
                invited.add(path.split("/")[4]);
                respond(exchange, 201, "{\"status\":\"INVITED\"}");
            } else {
                respond(exchange, 404, "{}");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }
}
