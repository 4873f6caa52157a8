package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;

class RoutingAndCorrelationTest extends GatewayIntegrationTest {

    static Stream<Arguments> servicePaths() {
        return Stream.of(
                Arguments.of("/api/membership/people", membership),
                Arguments.of("/api/research/institutions/ebrd/standards", research),
                Arguments.of("/api/strategy/strategies/s-1/actions", strategy),
                Arguments.of("/api/notifications/inbox/p-42", notifications));
    }

    @ParameterizedTest
    @MethodSource("servicePaths")
    void eachPrefixReachesItsServiceWithPathAndQueryUnchanged(String path, RecordingBackend service) {
        client.get().uri(path + "?size=20&page=1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo(path);

        assertThat(service.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo(path);
            assertThat(request.query()).isEqualTo("size=20&page=1");
        });
        assertThat(requestsToAllServices()).isEqualTo(1);
    }

    @Test
    void postBodyAndContentTypeArriveUnchanged() {
        String json = "{\"displayName\":\"Aigerim\",\"country\":\"KZ\"}";
        membership.answer("/api/membership/people", 201, "{\"id\":\"p-1\"}");

        client.post().uri("/api/membership/people").contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.id").isEqualTo("p-1");

        assertThat(membership.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(json);
            assertThat(request.header("Content-Type")).startsWith("application/json");
        });
    }

    @Test
    void generatesCorrelationIdWhenAbsentAndForwardsIt() {
        String id = client.get().uri("/api/membership/people").exchange()
                .expectStatus().isOk()
                .expectHeader().valuesMatch("X-Correlation-Id", UUID.pattern())
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");

        assertThat(membership.requests()).singleElement()
                .satisfies(request -> assertThat(request.header("X-Correlation-Id")).isEqualTo(id));
    }

    @Test
    void echoesAndForwardsASaneCorrelationId() {
        String id = "web-client.7f3a_9";

        client.get().uri("/api/research/findings").header("X-Correlation-Id", id).exchange()
                .expectStatus().isOk()
                // once, although the service echoes it too
                .expectHeader().valuesMatch("X-Correlation-Id", id);

        assertThat(research.requests()).singleElement()
                .satisfies(request -> assertThat(request.headers().get("X-Correlation-Id")).containsExactly(id));
    }

    @ParameterizedTest
    @ValueSource(strings = { "has spaces", "<script>alert(1)</script>", "line\tbreak", "ü-not-ascii",
            "x12345678901234567890123456789012345678901234567890123456789012345" })
    void replacesAnInsaneCorrelationId(String insane) {
        String id = client.get().uri("/api/strategy/guide").header("X-Correlation-Id", insane).exchange()
                .expectStatus().isOk()
                .expectHeader().valuesMatch("X-Correlation-Id", UUID.pattern())
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");

        assertThat(strategy.requests()).singleElement()
                .satisfies(request -> assertThat(request.headers().get("X-Correlation-Id")).containsExactly(id));
    }

    @Test
    void correlationIdIsOnTheGatewaysOwnAnswersToo() {
        client.get().uri("/no/such/page").header("X-Correlation-Id", "own-404").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("X-Correlation-Id", "own-404")
                .expectBody().jsonPath("$.correlationId").isEqualTo("own-404");

        client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().valuesMatch("X-Correlation-Id", UUID.pattern());
    }

    @Test
    void serviceAnswersPassThroughUnchanged() {
        notifications.answer("/api/notifications/inbox/p-9", 404,
                "{\"type\":\"/problems/not-found\",\"title\":\"Not Found\",\"status\":404}");

        client.get().uri("/api/notifications/inbox/p-9").exchange()
                .expectStatus().isNotFound()
                .expectBody(Map.class).isEqualTo(Map.of("type", "/problems/not-found", "title", "Not Found",
                        "status", 404));
    }
}
