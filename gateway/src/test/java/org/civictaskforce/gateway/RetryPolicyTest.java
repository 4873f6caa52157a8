package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Only idempotent reads are retried; a write reaches the service exactly once. */
class RetryPolicyTest extends GatewayIntegrationTest {

    private static final String FAILING = "/api/research/findings/f-1";

    @ParameterizedTest
    @ValueSource(ints = { 502, 503 })
    void getIsRetriedTwiceOnBadGatewayAndServiceUnavailable(int status) {
        research.answer(FAILING, status, "{\"status\":" + status + "}");

        client.get().uri(FAILING).exchange().expectStatus().isEqualTo(status);

        assertThat(research.requestsTo(FAILING)).hasSize(3).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
    }

    @Test
    void headIsRetriedToo() {
        research.answer(FAILING, 503, "{}");

        client.head().uri(FAILING).exchange().expectStatus().isEqualTo(503);

        assertThat(research.requestsTo(FAILING)).hasSize(3);
    }

    @Test
    void getSucceedsWhenTheServiceRecovers() {
        research.answer(FAILING, 503, "{}");
        client.get().uri(FAILING).exchange().expectStatus().isEqualTo(503);
        research.answer(FAILING, 200, "{\"id\":\"f-1\"}");

        client.get().uri(FAILING).exchange().expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo("f-1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
    void writesAreNeverRetried(String method) {
        research.answer(FAILING, 503, "{\"status\":503}");

        client.method(HttpMethod.valueOf(method)).uri(FAILING).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"summary\":\"x\"}")
                .exchange()
                .expectStatus().isEqualTo(503);

        assertThat(research.requestsTo(FAILING)).singleElement()
                .satisfies(request -> assertThat(request.method()).isEqualTo(method));
    }

    @Test
    void getIsRetriedWhenTheConnectionBreaksAndThenFallsBack() {
        research.dropConnections(FAILING);

        client.get().uri(FAILING).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/service-unavailable");

        assertThat(research.requestsTo(FAILING)).hasSize(3);
    }

    @Test
    void postIsNotRetriedWhenTheConnectionBreaks() {
        research.dropConnections(FAILING);

        client.post().uri(FAILING).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(research.requestsTo(FAILING)).singleElement()
                .satisfies(request -> assertThat(request.method()).isEqualTo("POST"));
    }

    @Test
    void internalServerErrorIsNotRetried() {
        research.answer(FAILING, 500, "{\"status\":500}");

        client.get().uri(FAILING).exchange().expectStatus().isEqualTo(500);

        assertThat(research.requestsTo(FAILING)).hasSize(1);
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeGivesGatewayTimeoutProblem() {
        strategy.answerSlowly("/api/strategy/guide", Duration.ofSeconds(2));

        client.get().uri("/api/strategy/guide").header("X-Correlation-Id", "slow-1").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Correlation-Id", "slow-1")
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/gateway-timeout")
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("strategy"));

        // a timeout is not retried: the service may still be working on the first request
        assertThat(strategy.requestsTo("/api/strategy/guide")).hasSize(1);
    }
}
