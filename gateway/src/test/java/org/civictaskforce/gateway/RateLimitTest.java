package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Per address a burst of 6, per user a burst of 3, each refilled by one request per 10 s. Each test
 * comes from its own address (X-Forwarded-For, trusted here as behind a reverse proxy).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_RATE_LIMIT_CAPACITY=6",
        "GATEWAY_RATE_LIMIT_REFILL_PER_SECOND=0.1",
        "GATEWAY_RATE_LIMIT_USER_CAPACITY=3",
        "GATEWAY_RATE_LIMIT_USER_REFILL_PER_SECOND=0.1",
        "server.forward-headers-strategy=native" })
@AutoConfigureWebTestClient(timeout = "30s") // the default 5 s is too short on a loaded 2-core CI machine
class RateLimitTest {

    static final RecordingBackend membership = RecordingBackend.start();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("MEMBERSHIP_URL", membership::url);
        registry.add("STRATEGY_URL", membership::url); // the public guide pages' service, recorded alike
    }

    @BeforeEach
    void resetBackend() {
        membership.reset();
    }

    @Test
    void aUserBeyondTheirBurstIsRefusedWhileAnotherUserAtTheSameAddressGetsThrough() {
        String userA = TestTokens.bearer("p-a", Role.MEMBER);
        String userB = TestTokens.bearer("p-b", Role.MEMBER);
        for (int i = 0; i < 3; i++) {
            people("198.51.100.1", userA).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Remaining", Integer.toString(2 - i));
        }

        people("198.51.100.1", userA).header("X-Correlation-Id", "burst-4").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Correlation-Id", "burst-4")
                .expectHeader().value("Retry-After", retryAfter -> assertThat(Integer.parseInt(retryAfter))
                        .isBetween(1, 10))
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/too-many-requests")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("this user"))
                .jsonPath("$.correlationId").isEqualTo("burst-4");

        // same address, 5 of its 6 requests used so far: user B still gets through
        people("198.51.100.1", userB).exchange().expectStatus().isOk();

        // the refused request never reached the service
        assertThat(membership.requests()).hasSize(4);
        assertThat(membership.requests()).extracting(request -> request.header("Authorization"))
                .containsExactly(userA, userA, userA, userB);
    }

    @Test
    void anAnonymousFloodIsLimitedPerAddressBeforeAnyTokenIsChecked() {
        for (int i = 0; i < 6; i++) {
            people("198.51.100.2", null).exchange().expectStatus().isUnauthorized();
        }

        people("198.51.100.2", null).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).contains("this address"));
        // the address bucket comes first: even a valid token from there waits
        people("198.51.100.2", TestTokens.coordinator()).exchange().expectStatus().isEqualTo(429);
        // another address is not affected
        people("198.51.100.3", TestTokens.coordinator()).exchange().expectStatus().isOk();

        assertThat(membership.requests()).hasSize(1);
    }

    @Test
    void theWebClientAndTheProbesAreNotRateLimited() {
        for (int i = 0; i < 7; i++) {
            people("198.51.100.4", null).exchange();
        }
        people("198.51.100.4", null).exchange().expectStatus().isEqualTo(429);

        client.get().uri("/").header("X-Forwarded-For", "198.51.100.4").exchange().expectStatus().isOk();
        client.get().uri("/auth/me").header("X-Forwarded-For", "198.51.100.4").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").header("X-Forwarded-For", "198.51.100.4").exchange()
                .expectStatus().isOk();
    }

    @Test
    void thePublicGuidePagesAreLimitedPerAddressLikeThePublicApiPaths() {
        for (int i = 0; i < 6; i++) {
            client.get().uri("/guide/ky").header("X-Forwarded-For", "198.51.100.5").exchange().expectStatus().isOk();
        }
        client.get().uri("/guide/ky/1.pdf").header("X-Forwarded-For", "198.51.100.5").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
        client.get().uri("/guide/ky").header("X-Forwarded-For", "198.51.100.6").exchange().expectStatus().isOk();

        assertThat(membership.requests()).hasSize(7);
    }

    private WebTestClient.RequestHeadersSpec<?> people(String address, String authorization) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri("/api/membership/people")
                .header("X-Forwarded-For", address);
        return authorization == null ? request : request.header(HttpHeaders.AUTHORIZATION, authorization);
    }
}
