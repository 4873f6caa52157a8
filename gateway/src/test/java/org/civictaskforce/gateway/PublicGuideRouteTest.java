package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.civictaskforce.platform.security.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The public guide pages (route {@code public-guide}): strategy-service's {@code /guide/**}, open without a
 * session, read only, and never sent with the caller's credentials or answered with a cookie.
 */
class PublicGuideRouteTest extends GatewayIntegrationTest {

    @Test
    void aStrangerReadsTheGuidePagesThroughTheGatewayWithoutACookieBeingSet() {
        for (String path : new String[] { "/guide", "/guide/", "/guide/ky", "/guide/ky/2.pdf", "/guide/sw.js" }) {
            anonymous().get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().exists("Content-Security-Policy");
            assertThat(strategy.requestsTo(path)).as(path).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("GET");
                assertThat(request.header(HttpHeaders.AUTHORIZATION)).isNull();
            });
        }
        anonymous().head().uri("/guide/ky").exchange().expectStatus().isOk();
    }

    @Test
    void theCallersTokenAndCookiesAreNotSentToThePublicPages() {
        client.get().uri("/guide/ky").cookie("SESSION", "some-session").cookie("civic-lang", "ky").exchange()
                .expectStatus().isOk();

        assertThat(strategy.requestsTo("/guide/ky")).singleElement().satisfies(request -> {
            assertThat(request.header(HttpHeaders.AUTHORIZATION)).isNull();
            assertThat(request.header(HttpHeaders.COOKIE)).isNull();
        });
    }

    @Test
    void onlyReadsAreRouted() {
        anonymous().post().uri("/guide/ky").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().is4xxClientError();
        client.put().uri("/guide/ky/1.pdf").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().is4xxClientError();
        client.delete().uri("/guide/ky").exchange().expectStatus().is4xxClientError();
        // and nothing else of the service is reachable through the guide's route
        anonymous().get().uri("/guidebook").exchange().expectStatus().is4xxClientError();

        assertThat(requestsToAllServices()).isZero();
    }
}
