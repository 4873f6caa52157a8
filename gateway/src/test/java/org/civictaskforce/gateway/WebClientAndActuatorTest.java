package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

class WebClientAndActuatorTest extends GatewayIntegrationTest {

    @Test
    void servesTheWebClientAtTheRoot() {
        client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<title>Civic Taskforce</title>", "src=\"app.js\"", "id=\"register-form\"",
                                "href=\"/oauth2/authorization/civic\"", "id=\"sign-out\"")
                        // the CSP forbids inline code, so the page has none
                        .doesNotContain("<script>", "style=", "onclick"));
    }

    @Test
    void webClientScriptCallsTheApiThroughTheGatewayAndNeverUsesInnerHtml() {
        client.get().uri("/app.js").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Type", type -> assertThat(type).contains("javascript"))
                .expectBody(String.class).value(script -> assertThat(script)
                        .contains("/api/membership/people?size=20", "/invitations", "/api/notifications/inbox/",
                                "textContent", "/auth/me", "X-XSRF-TOKEN", "'/logout'")
                        // the script never handles tokens: the session cookie is HttpOnly
                        .doesNotContain("access_token", "localStorage", "sessionStorage")
                        .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"));
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
                        .contains("jvm_memory_used_bytes", "spring_cloud_gateway_requests_seconds_count"));
    }

    @Test
    void actuatorEndpointsThatAreNotExposedAreNotFound() {
        client.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/gateway/routes").exchange().expectStatus().isNotFound();

        assertThat(requestsToAllServices()).isZero();
    }
}
