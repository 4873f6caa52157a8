package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Limits, CORS, security headers and the gateway's own error answers. */
class EdgeProtectionTest extends GatewayIntegrationTest {

    private static final int ONE_MB = 1024 * 1024;

    @ParameterizedTest
    @ValueSource(strings = { "/no/such/page", "/api/unknown-service/things", "/api", "/fallback/membership" })
    void unknownPathsGetNotFoundProblem(String path) {
        client.get().uri(path).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/not-found")
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist();

        assertThat(requestsToAllServices()).isZero();
    }

    @Test
    void bodyOverTheLimitWithContentLengthGetsContentTooLargeProblem() {
        byte[] body = new byte[ONE_MB + 1];
        Arrays.fill(body, (byte) 'a');

        client.post().uri("/api/membership/people").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .header("X-Correlation-Id", "big-1")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Correlation-Id", "big-1")
                .expectBody().jsonPath("$.type").isEqualTo("/problems/content-too-large");

        assertThat(membership.requests()).isEmpty();
    }

    @Test
    void chunkedBodyOverTheLimitGetsContentTooLargeProblem() {
        byte[] chunk = new byte[16 * 1024];
        Flux<DataBuffer> chunks = Flux.range(0, ONE_MB / chunk.length + 1)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.clone()));

        client.put().uri("/api/strategy/guide/sections/s-1").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/content-too-large");

        assertThat(strategy.requests()).isEmpty();
    }

    @Test
    void bodyAtTheLimitPasses() {
        byte[] body = new byte[ONE_MB];
        Arrays.fill(body, (byte) 'a');

        client.post().uri("/api/research/findings").contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body)
                .exchange()
                .expectStatus().isOk();

        assertThat(research.requests()).singleElement()
                .satisfies(request -> assertThat(request.body()).hasSize(ONE_MB));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://client.example", "https://second.example" })
    void preflightFromAConfiguredOriginIsAccepted(String origin) {
        client.options().uri("/api/membership/people")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type, X-Correlation-Id")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", origin)
                .expectHeader().value("Access-Control-Allow-Methods", methods -> assertThat(methods).contains("POST"));

        // a preflight is the gateway's business, not the service's
        assertThat(membership.requests()).isEmpty();
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        client.options().uri("/api/membership/people")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");

        assertThat(membership.requests()).isEmpty();
    }

    @Test
    void crossOriginRequestFromAConfiguredOriginCanReadTheCorrelationId() {
        client.get().uri("/api/membership/people").header("Origin", "https://client.example").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://client.example")
                .expectHeader().value("Access-Control-Expose-Headers",
                        exposed -> assertThat(exposed).contains("X-Correlation-Id"));
    }

    @Test
    void crossOriginRequestFromAnotherOriginIsRefused() {
        client.method(HttpMethod.DELETE).uri("/api/membership/people/p-1").header("Origin", "https://evil.example")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");

        assertThat(membership.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/sw.js", "/api/membership/people", "/no/such/page", "/actuator/health" })
    void securityHeadersAreOnEveryResponse(String path) {
        assertSecurityHeaders(client.get().uri(path).exchange());
    }

    @Test
    void securityHeadersAreOnErrorAnswersOfServicesToo() {
        notifications.answer("/api/notifications/inbox/p-1", 500, "{}");

        assertSecurityHeaders(client.get().uri("/api/notifications/inbox/p-1").exchange());
    }

    private static void assertSecurityHeaders(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                                "object-src 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"));
    }
}
