package org.civictaskforce.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.civictaskforce.contracts.Topics;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may do what in notification-service: each row of {@link #TABLE} is an endpoint on the caller's
 * own person id ({@code {own}}: the subject of their token) or someone else's ({@code {other}}), each
 * column the status a kind of caller gets. Every cell runs as its own test over real HTTP against the
 * running service (tokens checked by the resource server, embedded Kafka, the wire-compatible store),
 * with a fresh subject per cell, so a failing cell names itself.
 *
 * <p>Inbox, preferences and webhook are the person's alone: a coordinator gets 403 on anyone else's
 * too. The delivery log, the template coverage and the operator endpoints are for coordinators.
 */
@DirtiesContext // closed when the class ends, while the shared Mongo server still runs (README, Tests)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "notification.inbox.stream-timeout=2s") // the streams the matrix opens end soon after
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = { Topics.MEMBERSHIP_EVENTS, Topics.MEMBERSHIP_CONTACTS })
class NotificationAccessMatrixIT {

    static final String TABLE = """
            endpoint                                 | anon | invited | observer | member | expert | translator | coordinator
            GET    /inbox/{own}                      | 401  | 200     | 200      | 200    | 200    | 200        | 200
            GET    /inbox/{other}                    | 401  | 403     | 403      | 403    | 403    | 403        | 403
            GET    /inbox/{own}/stream               | 401  | 200     | 200      | 200    | 200    | 200        | 200
            GET    /inbox/{other}/stream             | 401  | 403     | 403      | 403    | 403    | 403        | 403
            POST   /inbox/{own}/items/x/read         | 401  | 404     | 404      | 404    | 404    | 404        | 404
            POST   /inbox/{other}/items/x/read       | 401  | 403     | 403      | 403    | 403    | 403        | 403
            GET    /preferences/{own}                | 401  | 200     | 200      | 200    | 200    | 200        | 200
            GET    /preferences/{other}              | 401  | 403     | 403      | 403    | 403    | 403        | 403
            PUT    /preferences/{own}                | 401  | 200     | 200      | 200    | 200    | 200        | 200
            PUT    /preferences/{other}              | 401  | 403     | 403      | 403    | 403    | 403        | 403
            PUT    /webhooks/{own}                   | 401  | 200     | 200      | 200    | 200    | 200        | 200
            PUT    /webhooks/{other}                 | 401  | 403     | 403      | 403    | 403    | 403        | 403
            GET    /webhooks/{own}                   | 401  | 404     | 404      | 404    | 404    | 404        | 404
            GET    /webhooks/{other}                 | 401  | 403     | 403      | 403    | 403    | 403        | 403
            DELETE /webhooks/{own}                   | 401  | 404     | 404      | 404    | 404    | 404        | 404
            DELETE /webhooks/{other}                 | 401  | 403     | 403      | 403    | 403    | 403        | 403
            GET    /deliveries                       | 401  | 403     | 403      | 403    | 403    | 403        | 200
            GET    /templates/coverage               | 401  | 403     | 403      | 403    | 403    | 403        | 200
            GET    /admin/dead-letters               | 401  | 403     | 403      | 403    | 403    | 403        | 200
            """;
    // the own inbox item "x" and the own webhook do not exist: 404 says only that, and only to the owner

    private static final String BASE = "/api/notifications";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("notification-matrix-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;

    enum CallerKind {
        ANON, INVITED, OBSERVER, MEMBER, EXPERT, TRANSLATOR, COORDINATOR;

        String token(String subject) {
            return switch (this) {
                case ANON -> null;
                case INVITED -> TestTokens.person(subject);
                case OBSERVER -> TestTokens.bearer(subject, Role.OBSERVER);
                case MEMBER -> TestTokens.bearer(subject, Role.MEMBER);
                case EXPERT -> TestTokens.bearer(subject, Role.EXPERT);
                case TRANSLATOR -> TestTokens.bearer(subject, Role.TRANSLATOR);
                case COORDINATOR -> TestTokens.bearer(subject, Role.COORDINATOR);
            };
        }
    }

    record Cell(CallerKind caller, String method, String path, int expected) {
        @Override
        public String toString() {
            return "%-11s %s %s -> %d".formatted(caller, method, path, expected);
        }
    }

    static Stream<Arguments> cells() {
        List<String> lines = TABLE.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> header = split(lines.get(0));
        List<Arguments> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> columns = split(line);
            assertThat(columns).as(line).hasSize(header.size());
            String[] endpoint = columns.get(0).split("\\s+");
            for (int c = 1; c < columns.size(); c++) {
                Cell cell = new Cell(CallerKind.valueOf(header.get(c).toUpperCase()), endpoint[0], endpoint[1],
                        Integer.parseInt(columns.get(c)));
                cells.add(Arguments.of(cell.toString(), cell));
            }
        }
        return cells.stream();
    }

    private static List<String> split(String line) {
        return List.of(line.split("\\|")).stream().map(String::strip).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void theCallerGetsTheStatusTheTableSays(String name, Cell cell) throws Exception {
        String own = "person-" + UUID.randomUUID();
        String other = "person-" + UUID.randomUUID();
        String path = cell.path().replace("{own}", own).replace("{other}", other);
        String url = "http://localhost:" + port + (path.startsWith("/admin") ? path : BASE + path);
        String body = switch (cell.path().replaceAll("/\\{\\w+}", "")) {
            case "/preferences" -> "{\"emailCadence\":\"IMMEDIATE\"}";
            case "/webhooks" -> "{\"url\":\"https://93.184.216.34/hook\",\"secret\":\"0123456789abcdef-secret\"}";
            default -> null;
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(cell.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (cell.path().endsWith("/stream")) {
            request.header("Accept", "text/event-stream");
        }
        String token = cell.caller().token(own);
        if (token != null) {
            request.header("Authorization", token);
        }

        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String answer;
        try (InputStream in = response.body()) {
            // a stream that was opened stays open: read nothing of it
            answer = response.statusCode() == 200 && cell.path().endsWith("/stream") ? "<event stream>"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        assertThat(response.statusCode()).as("%s (answer: %s)", cell, answer).isEqualTo(cell.expected());
        if (cell.expected() == 200 && cell.path().endsWith("/stream")) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        }
        if (cell.expected() == 401 || cell.expected() == 403) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(cell.toString())
                    .startsWith("application/problem+json");
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.kafka.core.KafkaTemplate<String, String> kafka;

    /**
     * The outside security test: an erased person's still-valid token went on writing their notification
     * preferences (200, and the data stayed) while membership already refused it. From the moment the
     * erasure is published, the token is refused here too (within a second; the feed is already reading).
     */
    @org.junit.jupiter.api.Test
    void anErasedPersonsStillValidTokenCannotWriteTheirPreferences() throws Exception {
        String person = "person-" + UUID.randomUUID();
        String token = TestTokens.bearerIssuedAt(java.time.Instant.now().minusSeconds(30), person, Role.MEMBER);
        String url = "http://localhost:" + port + BASE + "/preferences/" + person;
        java.util.function.Supplier<Integer> put = () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"emailCadence\":\"IMMEDIATE\"}")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(put.get()).isEqualTo(200);
        // the revocation feed starts on its own thread: wait until it reads (a marker person's removal is seen)
        String marker = "marker-" + UUID.randomUUID();
        String markerToken = TestTokens.bearerIssuedAt(java.time.Instant.now().minusSeconds(30), marker, Role.MEMBER);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            publish(marker, new org.civictaskforce.contracts.membership.MemberRemoved(marker, java.time.Instant.now()));
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE + "/preferences/" + marker))
                    .header("Authorization", markerToken).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode() == 401;
        });

        publish(person, new org.civictaskforce.contracts.membership.PersonErased(person, java.time.Instant.now()));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> put.get() == 401);
    }

    private void publish(String personId, Object event) {
        org.civictaskforce.platform.testing.TestEvents.publish(kafka, Topics.MEMBERSHIP_EVENTS,
                org.civictaskforce.contracts.EventEnvelope.of("membership-service", personId, event,
                        "revocation-" + personId));
    }

    /** A body that names what the endpoint does not take, or an operator where a value is expected, is a 400. */
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "{\"emailCadence\":\"IMMEDIATE\",\"personId\":\"someone-else\"}",
            "{\"emailCadence\":\"IMMEDIATE\",\"channels\":{\"EMAIL\":{\"$ne\":null}}}",
            "{\"emailCadence\":{\"$gt\":\"\"}}",
            "{\"emailCadence\":\"IMMEDIATE\",\"timeZone\":{\"$ne\":null}}" })
    @ParameterizedTest
    void preferencesRefuseUnknownPropertiesAndOperatorsAndKeepWhatWasThere(String body) throws Exception {
        String own = "person-" + UUID.randomUUID();
        String base = "http://localhost:" + port + BASE + "/preferences/" + own;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base))
                .header("Authorization", TestTokens.person(own)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> now = http.send(HttpRequest.newBuilder(URI.create(base))
                .header("Authorization", TestTokens.person(own)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(now.body()).contains("\"emailCadence\":\"IMMEDIATE\"").contains("\"EMAIL\":true");
    }
}
