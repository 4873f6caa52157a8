package org.civictaskforce.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.civictaskforce.contracts.Topics;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Request bodies are read as written (platform-kit's one rule: an unknown property or a value of
 * another type is a 400, never coerced) and texts are bounded (422 beyond the limit); nothing is
 * stored on a refusal.
 */
@DirtiesContext // closed when the class ends, while the shared Mongo server still runs (README, Tests)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = { Topics.MEMBERSHIP_EVENTS, Topics.MEMBERSHIP_CONTACTS })
class StrictAndBoundedBodiesIT {
    private static final String BASE = "/api/notifications";
    private static final String PROBLEM = "application/problem+json";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("notification-bounds-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> send(String method, String person, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE + path))
                .header("Authorization", TestTokens.person(person)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"emailCadence\":\"DAILY_DIGEST\",\"digestTime\":730}",
            "{\"emailCadence\":\"DAILY_DIGEST\",\"timeZone\":true}",
            "{\"emailCadence\":\"DAILY_DIGEST\",\"channels\":{\"EMAIL\":\"false\"}}",
            "{\"emailCadence\":\"DAILY_DIGEST\",\"channels\":{\"EMAIL\":0}}",
            "{\"emailCadence\":\"\"}",
            "{\"emailCadence\":\"DAILY_DIGEST\",\"actorId\":\"evil\"}" })
    void preferencesOfAnotherTypeOrWithAnUnknownPropertyAreA400AndNothingChanges(String body) throws Exception {
        String own = "person-" + UUID.randomUUID();

        HttpResponse<String> response = send("PUT", own, "/preferences/" + own, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(PROBLEM);
        assertThat(send("GET", own, "/preferences/" + own, null).body()).contains("\"emailCadence\":\"IMMEDIATE\"")
                .contains("\"EMAIL\":true");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"url\":\"https://93.184.216.34/hook\",\"secret\":1234567890123456789}",
            "{\"url\":true,\"secret\":\"a-secret-of-enough-length\"}",
            "{\"url\":\"https://93.184.216.34/hook\",\"secret\":\"a-secret-of-enough-length\",\"personId\":\"x\"}" })
    void aWebhookOfAnotherTypeOrWithAnUnknownPropertyIsA400AndNotRegistered(String body) throws Exception {
        String own = "person-" + UUID.randomUUID();

        HttpResponse<String> response = send("PUT", own, "/webhooks/" + own, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(PROBLEM);
        assertThat(send("GET", own, "/webhooks/" + own, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anOverLongWebhookUrlOrSecretIsA422AndNotRegistered() throws Exception {
        String own = "person-" + UUID.randomUUID();
        String longUrl = "https://93.184.216.34/" + "a".repeat(2000);

        HttpResponse<String> url = send("PUT", own, "/webhooks/" + own,
                "{\"url\":\"" + longUrl + "\",\"secret\":\"a-secret-of-enough-length\"}");
        HttpResponse<String> secret = send("PUT", own, "/webhooks/" + own,
                "{\"url\":\"https://93.184.216.34/hook\",\"secret\":\"" + "s".repeat(201) + "\"}");

        assertThat(url.statusCode()).as(url.body()).isEqualTo(422);
        assertThat(url.headers().firstValue("Content-Type").orElse("")).startsWith(PROBLEM);
        assertThat(url.body()).contains("/problems/validation").contains("\"field\":\"url\"");
        assertThat(secret.statusCode()).as(secret.body()).isEqualTo(422);
        assertThat(send("GET", own, "/webhooks/" + own, null).statusCode()).isEqualTo(404);
    }
}
