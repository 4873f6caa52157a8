package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class WebClientAndActuatorTest extends GatewayIntegrationTest {

    @Test
    void servesTheWebClientAtTheRootRevalidatedOnEveryLoad() {
        String html = client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().cacheControl(CacheControl.noCache())
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'self'").doesNotContain("unsafe-inline"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("<title>Civic Taskforce</title>", "<div id=\"app\">")
                .containsPattern("<script type=\"module\" crossorigin src=\"/assets/index-[A-Za-z0-9_-]+\\.js\">")
                // the CSP forbids inline code, so the page has none
                .doesNotContainPattern("<script>|<script type=\"module\">|style=|onclick")
                .doesNotContain("placeholder");
    }

    @Test
    void hashedAssetsAreCachedForAYearAndServedCompressedAsBuilt() {
        String script = entryScript();
        byte[] plain = client.get().uri(script).header(HttpHeaders.ACCEPT_ENCODING, "identity").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).contains("javascript"))
                .expectHeader().cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .expectHeader().doesNotExist(HttpHeaders.CONTENT_ENCODING)
                .expectBody().returnResult().getResponseBody();
        byte[] brotli = client.get().uri(script).header(HttpHeaders.ACCEPT_ENCODING, "br").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, "br")
                .expectHeader().value(HttpHeaders.VARY, vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"))
                .expectBody().returnResult().getResponseBody();
        // WebTestClient's Reactor Netty client unpacks gzip itself: ask with a client that does not
        java.net.http.HttpResponse<byte[]> gzipped = rawGet(script, "gzip, deflate");
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("gzip");
        byte[] gzip = gzipped.body();
        assertThat(plain).isNotEmpty();
        assertThat(brotli.length).as("brotli").isLessThan(plain.length / 2);
        assertThat(gzip.length).as("gzip").isLessThan(plain.length / 2).isGreaterThan(brotli.length);
        // the web client never handles tokens (the session cookie is HttpOnly); that it never writes markup from
        // data is the web client's lint rule (Preact itself names innerHTML for dangerouslySetInnerHTML)
        assertThat(new String(plain, java.nio.charset.StandardCharsets.UTF_8))
                .contains("/auth/me", "X-XSRF-TOKEN", "/logout")
                .doesNotContain("access_token", "insertAdjacentHTML", "document.write");

        client.get().uri("/assets/no-such-file.js").exchange().expectStatus().isNotFound();
        assertThat(requestsToAllServices()).isZero();
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private java.net.http.HttpResponse<byte[]> rawGet(String path, String acceptEncoding) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header(HttpHeaders.ACCEPT_ENCODING, acceptEncoding).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private String entryScript() {
        String html = client.get().uri("/").exchange().expectBody(String.class).returnResult().getResponseBody();
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/assets/index-[^\"]+\\.js)\"")
                .matcher(html);
        assertThat(script.find()).as("the page names its entry script").isTrue();
        return script.group(1);
    }

    @Test
    void livenessAndReadinessProbesAreUp() {
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/info").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.app.name").isEqualTo("gateway");

        assertThat(requestsToAllServices()).isZero();
    }

    @Test
    void prometheusShowsGatewayRequestMetrics() {
        client.get().uri("/api/membership/people").exchange().expectStatus().isOk();

        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("jvm_memory_used_bytes", "spring_cloud_gateway_requests_seconds_count")
                        // the buckets the alert rules' and the dashboard's 99th percentile need, and the services' label
                        .contains("spring_cloud_gateway_requests_seconds_bucket{")
                        .contains("application=\"gateway\""));
    }

    @Test
    void actuatorEndpointsThatAreNotExposedAreNotFound() {
        client.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/gateway/routes").exchange().expectStatus().isNotFound();

        assertThat(requestsToAllServices()).isZero();
    }
}
