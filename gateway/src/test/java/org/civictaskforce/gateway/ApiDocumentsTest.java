package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

/**
 * Every service's OpenAPI document is served through the gateway at /api-docs/&lt;service&gt; (the service's
 * /v3/api-docs), and one Swagger UI at /swagger-ui.html lists them all; both without sign-in, under the
 * gateway's strict Content-Security-Policy (the UI's page has no inline script).
 */
class ApiDocumentsTest extends GatewayIntegrationTest {

    private Map<String, RecordingBackend> services() {
        return Map.of("membership", membership, "research", research, "strategy", strategy,
                "notifications", notifications, "identity", identity);
    }

    @Test
    void eachServicesDocumentIsServedWithoutSignIn() {
        services().forEach((name, backend) -> {
            backend.answer("/v3/api-docs", 200, "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name + "\"}}");
            anonymous().get().uri("/api-docs/" + name).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.info.title").isEqualTo(name);
            assertThat(backend.requestsTo("/v3/api-docs")).as(name).hasSize(1);
        });
    }

    @Test
    void theAsyncApiDocumentOfEveryTopicIsServedBesideThemWithoutSignIn() {
        anonymous().get().uri("/api-docs/events").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.asyncapi").isEqualTo("3.0.0")
                .jsonPath("$.channels['membership-events-v1'].address").isEqualTo("membership.events.v1")
                .jsonPath("$.channels['membership-contacts-v1'].address").isEqualTo("membership.contacts.v1")
                .jsonPath("$.components.messages['membership.member.invited'].name")
                .isEqualTo("org.civictaskforce.membership.member.invited");
    }

    @Test
    void onlyReadingADocumentIsRouted() {
        anonymous().post().uri("/api-docs/membership").exchange().expectStatus().is4xxClientError();
        assertThat(membership.requestsTo("/v3/api-docs")).isEmpty();
    }

    @Test
    void swaggerUiListsTheFiveDocumentsWithoutSignIn() {
        String page = anonymous().get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        anonymous().get().uri(page).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("script-src 'self'")
                        .doesNotContain("unsafe-inline"))
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("swagger-ui-bundle.js", "swagger-initializer.js")
                        .doesNotContainPattern("<script>[^<]"));
        anonymous().get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(5)
                .jsonPath("$.validatorUrl").isEqualTo("none")
                .consumeWith(config -> assertThat(new String(config.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8).replace("\\/", "/")).contains(
                        "\"/api-docs/membership\"", "\"/api-docs/research\"", "\"/api-docs/strategy\"",
                        "\"/api-docs/notifications\"", "\"/api-docs/identity\""));
        // the page's one script of its own: springdoc writes the configuration into it (not inline into the page)
        anonymous().get().uri(page.replace("index.html", "swagger-initializer.js")).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script)
                        .contains("/v3/api-docs/swagger-config").doesNotContain("petstore"));
    }
}
