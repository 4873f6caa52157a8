package org.civictaskforce.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.research.domain.Finding;
import org.civictaskforce.research.persistence.MemberDocument;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.jayway.jsonpath.JsonPath;

/**
 * Request bodies are read as written (platform-kit's one rule: an unknown property or a value of
 * another type is a 400) and every text is bounded (422 beyond its limit); a finding's comments are
 * bounded so its one document cannot grow past MongoDB's limit. Nothing is stored on a refusal.
 */
@ServiceTest
class StrictAndBoundedBodiesIT {
    private static final String PROBLEM = "application/problem+json";
    private static final String ACCESSED = LocalDate.now().minusDays(1).toString();

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    RestTestClient http;
    String expert;
    String assignment;

    @BeforeEach
    void anAssignmentInProgress() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", TestTokens.coordinator()).build();
        expert = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", expert).append("country", "KG").append("status", "INVITED")
                .append("membership", "ACTIVE").append("roles", List.of("expert")), MemberDocument.COLLECTION);
        String answer = http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body("{\"expertId\":\"" + expert + "\",\"country\":\"KG\",\"institutionId\":\"wb\","
                        + "\"strand\":\"STANDARDS_AND_RULES\",\"dueDate\":\"" + LocalDate.now().plusDays(9) + "\"}")
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        assignment = JsonPath.read(answer, "$.id");
        http.post().uri("/api/research/assignments/" + assignment + "/start").header("Authorization", asExpert())
                .exchange().expectStatus().isOk();
    }

    private String asExpert() {
        return TestTokens.bearer(expert, Role.EXPERT);
    }

    private static String finding(String statement, String quote) {
        return "{\"statement\":\"" + statement + "\",\"confidence\":\"high\",\"evidence\":[{\"link\":\"https://x.org\","
                + "\"quote\":\"" + quote + "\",\"accessedOn\":\"" + ACCESSED + "\"}]}";
    }

    private void submit(String body, int expected) {
        http.post().uri("/api/research/assignments/" + assignment + "/findings").header("Authorization", asExpert())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isEqualTo(expected)
                .expectHeader().contentTypeCompatibleWith(expected >= 400 ? PROBLEM : "application/json");
    }

    private int findingsStored() {
        return JsonPath.<List<?>>read(http.get().uri("/api/research/assignments/" + assignment + "/findings")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody(),
                "$.findings").size();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"statement\":true,\"confidence\":\"high\",\"evidence\":[{\"link\":\"https://x.org\",\"accessedOn\":\"2026-01-01\"}]}",
            "{\"statement\":123,\"confidence\":\"high\",\"evidence\":[{\"link\":\"https://x.org\",\"accessedOn\":\"2026-01-01\"}]}",
            "{\"statement\":\"s\",\"confidence\":\"high\",\"evidence\":[{\"link\":\"https://x.org\",\"quote\":false,\"accessedOn\":\"2026-01-01\"}]}",
            "{\"statement\":\"s\",\"confidence\":\"high\",\"evidence\":[{\"link\":\"https://x.org\",\"accessedOn\":\"2026-01-01\"}],\"actorId\":\"evil\"}",
            "{\"statement\":\"s\",\"confidence\":\"high\",\"evidence\":\"\"}" })
    void anUnknownPropertyOrAValueOfAnotherTypeIsA400AndNothingIsStored(String body) {
        submit(body, 400);
        assertThat(findingsStored()).isZero();
    }

    @Test
    void anOverLongStatementOrQuoteIsA422AndNothingIsStored() {
        submit(finding("s".repeat(5001), "q"), 422);
        submit(finding("s", "q".repeat(501)), 422);
        assertThat(findingsStored()).isZero();

        submit(finding("s".repeat(5000), "q".repeat(500)), 201);
        assertThat(findingsStored()).isEqualTo(1);
    }

    @Test
    void anOverLongReviewCommentIsA422AndTheCommentsOfAFindingAreBounded() {
        submit(finding("s", "q"), 201);
        String id = JsonPath.read(http.get().uri("/api/research/assignments/" + assignment + "/findings").exchange()
                .expectBody(String.class).returnResult().getResponseBody(), "$.findings[0].id");
        String comments = "/api/research/findings/" + id + "/comments";

        http.post().uri(comments).contentType(MediaType.APPLICATION_JSON).body("{\"text\":\"" + "c".repeat(2001) + "\"}")
                .exchange().expectStatus().isEqualTo(422).expectHeader().contentTypeCompatibleWith(PROBLEM);
        for (int i = 0; i < Finding.MAX_COMMENTS; i++) {
            http.post().uri(comments).contentType(MediaType.APPLICATION_JSON).body("{\"text\":\"c" + i + "\"}")
                    .exchange().expectStatus().isOk();
        }
        http.post().uri(comments).contentType(MediaType.APPLICATION_JSON).body("{\"text\":\"one more\"}")
                .exchange().expectStatus().isEqualTo(422).expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/domain-rule");

        List<String> stored = JsonPath.read(http.get().uri("/api/research/findings/" + id).exchange()
                .expectBody(String.class).returnResult().getResponseBody(), "$.comments[*].text");
        assertThat(stored).hasSize(Finding.MAX_COMMENTS).doesNotContain("one more");
    }
}
