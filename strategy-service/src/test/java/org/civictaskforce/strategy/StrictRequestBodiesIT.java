package org.civictaskforce.strategy;

import static org.assertj.core.api.Assertions.assertThat;


import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * strategy-service reads request bodies like every other service (platform-kit's one rule): an
 * unknown property or a value of another type is a 400 problem, never coerced into a text or
 * dropped, and nothing is stored.
 */
@ServiceTest(properties = "strategy.guide.source-language=ru")
class StrictRequestBodiesIT {
    private static final String G = "/api/strategy/guide";

    @LocalServerPort
    int port;

    RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", TestTokens.coordinator()).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"key\":\"strict-a\",\"title\":true,\"body\":123,\"actorId\":\"evil\"}",
            "{\"key\":\"strict-b\",\"title\":true,\"body\":\"text\"}",
            "{\"key\":\"strict-c\",\"title\":\"Title\",\"body\":123}",
            "{\"key\":\"strict-d\",\"title\":\"Title\",\"body\":\"text\",\"actorId\":\"evil\"}",
            "{\"key\":\"strict-e\",\"title\":\"Title\",\"body\":\"text\",\"revision\":7}" })
    void aSectionOfAnotherTypeOrWithAnUnknownPropertyIsA400AndNotStored(String body) {
        http.post().uri(G + "/sections").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("/problems/malformed-request");

        String guide = http.get().uri(G).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(guide).doesNotContain("strict-");
    }
}
