package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.civictaskforce.platform.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's health check of each instance (HealthyInstancesFirst): a replica that hangs is left out of the
 * balancing once a check has timed out, and back in once it answers ready again; when every replica fails its check,
 * all are still offered (fails open).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.capacity=100000",
        "gateway.rate-limit.refill-per-second=100000",
        "gateway.instances.health-check.enabled=true",
        "gateway.instances.health-check.interval=300ms",
        "gateway.instances.health-check.timeout=300ms",
        // a request that reaches the hung replica would wait this long: the test would see it
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=5s" })
@AutoConfigureWebTestClient(timeout = "30s")
class UnhealthyReplicaTest {
    static final String READINESS = "/actuator/health/readiness";
    static final String FINDINGS = "/api/research/findings";
    static final String ORGANISATIONS = "/api/membership/organisations";

    static final RecordingBackend research1 = RecordingBackend.start();
    static final RecordingBackend research2 = RecordingBackend.start();
    static final RecordingBackend membership1 = RecordingBackend.start();
    static final RecordingBackend membership2 = RecordingBackend.start();

    @Autowired
    WebTestClient plain;

    WebTestClient client;

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.research-service[0].uri", research1::url);
        registry.add("spring.cloud.discovery.client.simple.instances.research-service[1].uri", research2::url);
        registry.add("spring.cloud.discovery.client.simple.instances.membership-service[0].uri", membership1::url);
        registry.add("spring.cloud.discovery.client.simple.instances.membership-service[1].uri", membership2::url);
    }

    @BeforeEach
    void signIn() {
        client = plain.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.coordinator()).build();
        research1.reset();
        research2.reset();
        membership1.reset();
        membership2.reset();
    }

    @Test
    void aHungReplicaIsLeftOutUntilItIsReadyAgain() {
        // the load balancer's context for the service, and with it the checks, start with its first request
        client.get().uri(FINDINGS).exchange().expectStatus().isOk();
        research2.answerSlowly(READINESS, Duration.ofSeconds(30));
        research2.answerSlowly(FINDINGS, Duration.ofSeconds(30));
        // checks go one round after another: the round of the first check received from now on hangs, and the next
        // round begins only once that one has timed out (a check received before may still have been answered)
        int checksBefore = research2.requestsTo(READINESS).size();
        await("two checks of the hung replica", () -> research2.requestsTo(READINESS).size() >= checksBefore + 2);
        research1.reset();
        int hungBefore = research2.requestsTo(FINDINGS).size();

        Instant start = Instant.now();
        for (int i = 0; i < 10; i++) {
            client.get().uri(FINDINGS).exchange().expectStatus().isOk();
        }

        assertThat(research1.requestsTo(FINDINGS)).as("every request went to the ready replica").hasSize(10);
        assertThat(research2.requestsTo(FINDINGS)).as("none to the hung one").hasSize(hungBefore);
        assertThat(Duration.between(start, Instant.now())).as("none waited for the hung replica")
                .isLessThan(Duration.ofSeconds(5));

        research2.reset(); // ready again, and answering
        await("the recovered replica is given requests again", () -> {
            client.get().uri(FINDINGS).exchange().expectStatus().isOk();
            return !research2.requestsTo(FINDINGS).isEmpty();
        });
    }

    @Test
    void whenEveryReplicaFailsItsCheckAllAreStillOffered() {
        membership1.answer(READINESS, 503, "{\"status\":\"OUT_OF_SERVICE\"}");
        membership2.answer(READINESS, 503, "{\"status\":\"OUT_OF_SERVICE\"}");
        client.get().uri(ORGANISATIONS).exchange().expectStatus().isOk();
        await("two checks of each replica", () -> membership1.requestsTo(READINESS).size() >= 2
                && membership2.requestsTo(READINESS).size() >= 2);
        int before1 = membership1.requestsTo(ORGANISATIONS).size();
        int before2 = membership2.requestsTo(ORGANISATIONS).size();

        for (int i = 0; i < 10; i++) {
            client.get().uri(ORGANISATIONS).exchange().expectStatus().isOk();
        }

        assertThat(membership1.requestsTo(ORGANISATIONS)).hasSize(before1 + 5);
        assertThat(membership2.requestsTo(ORGANISATIONS)).hasSize(before2 + 5);
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
