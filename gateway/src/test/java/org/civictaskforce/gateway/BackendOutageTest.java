package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.civictaskforce.gateway.resilience.ServiceFallbackHandler;
import org.civictaskforce.platform.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every service is down: connections are refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.circuit-breaker.sliding-window-size=4",
        "gateway.circuit-breaker.minimum-number-of-calls=4",
        "gateway.circuit-breaker.wait-duration-in-open-state=60s" })
@AutoConfigureWebTestClient
class BackendOutageTest {

    @Autowired
    WebTestClient anonymous;

    WebTestClient client;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    private final ListAppender<ILoggingEvent> fallbackLog = new ListAppender<>();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("MEMBERSHIP_URL", RecordingBackend::deadUrl);
        registry.add("RESEARCH_URL", RecordingBackend::deadUrl);
        registry.add("STRATEGY_URL", RecordingBackend::deadUrl);
        registry.add("NOTIFICATION_URL", RecordingBackend::deadUrl);
    }

    @BeforeEach
    void signIn() {
        client = anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.coordinator()).build();
    }

    @BeforeEach
    void captureFallbackLog() {
        fallbackLog.start();
        fallbackLogger().addAppender(fallbackLog);
    }

    @AfterEach
    void releaseFallbackLog() {
        fallbackLogger().detachAppender(fallbackLog);
    }

    @Test
    void readFromAServiceThatIsDownGivesServiceUnavailableProblem() {
        client.get().uri("/api/membership/people").header("X-Correlation-Id", "down-1").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Correlation-Id", "down-1")
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/service-unavailable")
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("membership service"))
                .jsonPath("$.correlationId").isEqualTo("down-1")
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void writeToAServiceThatIsDownGivesServiceUnavailableProblemWithAGeneratedCorrelationId() {
        client.post().uri("/api/research/findings").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valuesMatch("X-Correlation-Id", GatewayIntegrationTest.UUID.pattern())
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/service-unavailable")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("research service"));
    }

    @Test
    void theGatewaysLogLinesCarryTheCorrelationId() {
        client.get().uri("/api/notifications/inbox/p-1").header("X-Correlation-Id", "log-me-1").exchange()
                .expectStatus().isEqualTo(503);

        assertThat(fallbackLog.list).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains("notifications");
            assertThat(event.getMDCPropertyMap()).containsEntry("correlationId", "log-me-1");
        });
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndTheAnswerSaysWhenToRetry() {
        for (int i = 0; i < 4; i++) {
            client.get().uri("/api/strategy/guide").exchange().expectStatus().isEqualTo(503);
        }
        // looked up afterwards: a lookup before the first call would create it with the registry's defaults
        CircuitBreaker breaker = circuitBreakers.getCircuitBreakerRegistry().find("strategy").orElseThrow();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        client.get().uri("/api/strategy/guide").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "60")
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/service-unavailable")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("strategy service"));
    }

    private static Logger fallbackLogger() {
        return (Logger) LoggerFactory.getLogger(ServiceFallbackHandler.class);
    }
}
