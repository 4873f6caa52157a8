package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A burst of 3 and one new request per 10 s, so the fourth request in a row is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_RATE_LIMIT_CAPACITY=3",
        "GATEWAY_RATE_LIMIT_REFILL_PER_SECOND=0.1" })
@AutoConfigureWebTestClient
class RateLimitTest {

    static final RecordingBackend membership = RecordingBackend.start();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("MEMBERSHIP_URL", membership::url);
    }

    @Test
    void refusesRequestsBeyondTheBurstWithTooManyRequestsProblemAndRetryAfter() {
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/membership/people").exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Remaining", Integer.toString(2 - i));
        }

        client.get().uri("/api/membership/people").header("X-Correlation-Id", "burst-4").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Correlation-Id", "burst-4")
                .expectHeader().value("Retry-After", retryAfter -> assertThat(Integer.parseInt(retryAfter))
                        .isBetween(1, 10))
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/too-many-requests")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.correlationId").isEqualTo("burst-4");

        // the refused request never reached the service
        assertThat(membership.requests()).hasSize(3);

        // the web client and the probes are not rate limited
        client.get().uri("/").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
