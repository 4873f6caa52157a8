package org.civictaskforce.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.platform.testing.TopicReader;
import org.civictaskforce.research.persistence.MemberDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.jayway.jsonpath.JsonPath;

/** Research assignments through the API: validation, rules, lifecycle, warnings, events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = Topics.MEMBERSHIP_EVENTS,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class AssignmentsIT {
    private static final String DUE = LocalDate.now().plusDays(30).toString();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("research-assign-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    MongoTemplate mongo;

    RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", org.civictaskforce.platform.security.TestTokens.coordinator()).build();
    }

    /** An active expert, as membership's MemberActivated leaves them in the read model. */
    private String member(String country) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("country", country).append("status", "INVITED")
                .append("membership", "ACTIVE").append("roles", List.of("expert")), MemberDocument.COLLECTION);
        return id;
    }

    private final java.util.Map<String, String> expertOf = new java.util.concurrent.ConcurrentHashMap<>();

    /** The assigned expert's token for their own steps (start, submit, findings), a coordinator's otherwise. */
    private String tokenFor(String assignmentId, String action) {
        return (action.equals("start") || action.equals("submit")) && expertOf.containsKey(assignmentId)
                ? TestTokens.bearer(expertOf.get(assignmentId), Role.EXPERT)
                : TestTokens.coordinator();
    }

    private String asExpertOf(String assignmentId) {
        return TestTokens.bearer(expertOf.get(assignmentId), Role.EXPERT);
    }

    private String body(String expertId, String country, String institutionId, String strand) {
        return """
                {"expertId":"%s","country":"%s","institutionId":"%s","strand":"%s","dueDate":"%s"}
                """.formatted(expertId, country, institutionId, strand, DUE);
    }

    private String assign(String expertId, String country) {
        String answer = http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(body(expertId, country, "wb", "STANDARDS_AND_RULES")).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String id = JsonPath.read(answer, "$.id");
        expertOf.put(id, expertId);
        return id;
    }

    private void move(String id, String action, int expected) {
        http.post().uri("/api/research/assignments/" + id + "/" + action)
                .header("Authorization", tokenFor(id, action)).exchange().expectStatus()
                .isEqualTo(expected);
    }

    @Test
    void anAssignmentGoesThroughItsLifecycleAndImpossibleStepsAre409() {
        String expert = member("KG");
        http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(body(expert, "kg", "ebrd", "ADVOCACY_TOOLS_AND_PRACTICES")).exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).startsWith("/api/research/assignments/"))
                .expectBody()
                .jsonPath("$.status").isEqualTo("ASSIGNED")
                .jsonPath("$.country").isEqualTo("KG")
                .jsonPath("$.strand").isEqualTo("ADVOCACY_TOOLS_AND_PRACTICES")
                .jsonPath("$.dueDate").isEqualTo(DUE)
                .jsonPath("$.warnings").isEmpty();
        String id = assign(expert, "KG");

        move(id, "submit", 409);
        move(id, "accept", 409);
        move(id, "start", 200);
        move(id, "start", 409);
        move(id, "submit", 200);
        move(id, "return", 200);
        move(id, "submit", 200);
        move(id, "return", 200);
        move(id, "start", 200);
        move(id, "submit", 200);
        move(id, "accept", 200);
        move(id, "return", 409);
        http.post().uri("/api/research/assignments/" + id + "/start").header("Authorization", asExpertOf(id))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        http.get().uri("/api/research/assignments/" + id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACCEPTED");

        List<ConsumerRecord<String, String>> events = TopicReader.read(bootstrap, Topics.RESEARCH_EVENTS,
                r -> r.stream().filter(c -> id.equals(c.key())).count() >= 9, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> mine = events.stream().filter(c -> id.equals(c.key())).toList();
        assertThat(mine).hasSize(9);
        assertThat(mine).allSatisfy(c -> {
            assertThat(EventSchemas.violations(c.value())).isEmpty();
            assertThat(c.value()).doesNotContain("INVITED");
        });
        assertThat(mine.get(0).value()).contains("org.civictaskforce.research.assignment.created");
        assertThat(mine.get(8).value()).contains("\"to\":\"ACCEPTED\"");
    }

    @Test
    void aFourthExpertInACountryIsWarnedNotRefused() {
        for (int i = 0; i < 3; i++) {
            http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                    .body(body(member("TJ"), "TJ", "adb", "STANDARDS_AND_RULES")).exchange()
                    .expectStatus().isCreated().expectBody().jsonPath("$.warnings").isEmpty();
        }
        http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(body(member("TJ"), "TJ", "adb", "STANDARDS_AND_RULES")).exchange()
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.warnings.length()").isEqualTo(1)
                .jsonPath("$.warnings[0]").value(w -> assertThat((String) w).contains("TJ now has 4 experts"));
    }

    @Test
    void invalidRequestsAndUnknownThingsAre422Or404() {
        http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body("{\"expertId\":\"\",\"country\":\"Kazakhstan\",\"institutionId\":\"World Bank\","
                        + "\"strand\":\"STANDARDS_AND_RULES\",\"dueDate\":\"2020-01-01\"}")
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors.length()").isEqualTo(4);
        http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(body("nobody-" + UUID.randomUUID(), "KZ", "wb", "STANDARDS_AND_RULES")).exchange()
                .expectStatus().isEqualTo(422);
        http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(body(member("KZ"), "KZ", "world-bank", "STANDARDS_AND_RULES")).exchange()
                .expectStatus().isEqualTo(422);
        http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(body(member("KZ"), "RU", "wb", "STANDARDS_AND_RULES")).exchange()
                .expectStatus().isEqualTo(422);
        http.get().uri("/api/research/assignments/no-such-id").exchange().expectStatus().isNotFound();
        http.post().uri("/api/research/assignments/no-such-id/start").exchange().expectStatus().isNotFound();
    }

    @Test
    void assignmentsArePaginatedAndFiltered() {
        String expert = member("UZ");
        for (int i = 0; i < 3; i++) {
            assign(expert, "UZ");
        }
        http.get().uri("/api/research/assignments?country=uz&size=2&page=1").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(1)
                .jsonPath("$.content[0].country").isEqualTo("UZ")
                .jsonPath("$.page.totalElements").isEqualTo(3)
                .jsonPath("$.page.totalPages").isEqualTo(2);
        http.get().uri("/api/research/assignments?expertId=" + expert + "&status=ASSIGNED").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.page.totalElements").isEqualTo(3);
        http.get().uri("/api/research/assignments?size=0").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/research/assignments?status=DONE").exchange().expectStatus().isBadRequest();
    }

    private static final String FINDING = """
            {"statement":"The ESF requires a stakeholder engagement plan.","confidence":"high",
             "standardIds":["wb-ess10"],
             "evidence":[{"link":"https://www.worldbank.org/en/projects-operations/environmental-and-social-framework",
                          "section":"ESS10, para 4","quote":"The Borrower will engage with stakeholders","accessedOn":"2026-11-01"}]}
            """;

    private String post(String uri, String json, int expected) {
        return post(uri, json, expected, TestTokens.coordinator());
    }

    private String post(String uri, String json, int expected, String authorization) {
        return http.post().uri(uri).header("Authorization", authorization).contentType(MediaType.APPLICATION_JSON)
                .body(json).exchange().expectStatus()
                .isEqualTo(expected).expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void aFindingIsReturnedResubmittedAcceptedWithItsAssignmentAndCoverageShowsTheGaps() {
        String kz = member("KZ");
        String a = assign(kz, "KZ");
        assign(member("KG"), "KG");
        assign(member("TM"), "TM");

        post("/api/research/assignments/" + a + "/findings", FINDING, 409, asExpertOf(a));
        move(a, "start", 200);
        String finding = JsonPath.read(post("/api/research/assignments/" + a + "/findings", FINDING, 201,
                asExpertOf(a)), "$.id");
        String returnPath = "/api/research/findings/" + finding + "/return";
        post(returnPath, "{\"comment\":\"Which page?\"}", 409); // not submitted for review yet
        move(a, "submit", 200);
        // bad input is a problem, nothing changes
        post(returnPath, "{}", 422);
        post(returnPath, "{\"comment\":\"  \"}", 422);
        post(returnPath, "{\"comment\":\"" + "x".repeat(2001) + "\"}", 422);
        post(returnPath, "{\"comment\":\"Which page?\"}", 403, asExpertOf(a));
        post("/api/research/findings/no-such/return", "{\"comment\":\"Which page?\"}", 404);
        http.get().uri("/api/research/assignments/" + a).exchange().expectBody().jsonPath("$.status")
                .isEqualTo("SUBMITTED");

        // one step: the finding is returned with the comment, the assignment is back in progress
        String returned = post(returnPath, "{\"comment\":\" Which page? \"}", 200);
        assertThat((String) JsonPath.read(returned, "$.status")).isEqualTo("RETURNED");
        http.get().uri("/api/research/assignments/" + a).exchange().expectBody().jsonPath("$.status")
                .isEqualTo("IN_PROGRESS");
        http.get().uri("/api/research/findings/" + finding).header("Authorization", asExpertOf(a)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("RETURNED")
                .jsonPath("$.comments[0].text").isEqualTo("Which page?");
        post(returnPath, "{\"comment\":\"again\"}", 409);
        move(a, "submit", 409); // the returned finding is corrected first
        move(a, "accept", 409);
        http.put().uri("/api/research/findings/" + finding).header("Authorization", asExpertOf(a))
                .contentType(MediaType.APPLICATION_JSON).body(FINDING)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("SUBMITTED")
                .jsonPath("$.versions.length()").isEqualTo(2)
                .jsonPath("$.versions[1].version").isEqualTo(2)
                .jsonPath("$.comments[0].version").isEqualTo(1)
                .jsonPath("$.comments[0].text").isEqualTo("Which page?");
        move(a, "submit", 200);
        move(a, "accept", 200);

        http.get().uri("/api/research/findings/" + finding).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.versions[0].content.evidence[0].section").isEqualTo("ESS10, para 4");
        http.put().uri("/api/research/findings/" + finding).header("Authorization", asExpertOf(a))
                .contentType(MediaType.APPLICATION_JSON).body(FINDING)
                .exchange().expectStatus().isEqualTo(409);
        http.get().uri("/api/research/assignments/" + a + "/findings").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.findings.length()").isEqualTo(1);

        http.get().uri("/api/research/coverage").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.institutionsFrom").isEqualTo("catalogue")
                .jsonPath("$.countries.length()").isEqualTo(5)
                .jsonPath("$.cells.length()").isEqualTo(5 * 14 * 3)
                .jsonPath("$.cells[?(@.country == 'KZ' && @.institutionId == 'wb' && @.strand == 'STANDARDS_AND_RULES')].gap")
                .isEqualTo(List.of(false))
                .jsonPath("$.cells[?(@.country == 'KZ' && @.institutionId == 'wb' && @.strand == 'STANDARDS_AND_RULES')].acceptedFindings")
                .isEqualTo(List.of(1))
                .jsonPath("$.cells[?(@.country == 'KG' && @.institutionId == 'wb' && @.strand == 'STANDARDS_AND_RULES')].gap")
                .isEqualTo(List.of(true))
                .jsonPath("$.gaps").isEqualTo(5 * 14 * 3 - 1);

        List<ConsumerRecord<String, String>> events = TopicReader.read(bootstrap, Topics.RESEARCH_EVENTS,
                r -> r.stream().filter(c -> finding.equals(c.key())).count() >= 4, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> mine = events.stream().filter(c -> finding.equals(c.key())).toList();
        assertThat(mine).hasSize(4).allSatisfy(c -> {
            assertThat(EventSchemas.violations(c.value())).isEmpty();
            assertThat(c.value()).doesNotContain("stakeholder engagement plan").doesNotContain("Which page?");
        });
        assertThat(mine).filteredOn(c -> c.value().contains("org.civictaskforce.research.finding.returned"))
                .singleElement().satisfies(c -> assertThat(c.value()).contains("\"expertId\":\"" + kz + "\""));
    }

    @Test
    void aCommentThatReturnsForRevisionIsTheSameOneStepAndAPlainCommentChangesNothing() {
        String a = assign(member("UZ"), "UZ");
        move(a, "start", 200);
        String finding = JsonPath.read(post("/api/research/assignments/" + a + "/findings", FINDING, 201,
                asExpertOf(a)), "$.id");
        move(a, "submit", 200);
        post("/api/research/findings/" + finding + "/comments", "{\"text\":\"Fine so far\"}", 200);
        http.get().uri("/api/research/assignments/" + a).exchange().expectBody().jsonPath("$.status")
                .isEqualTo("SUBMITTED");
        post("/api/research/findings/" + finding + "/comments", "{\"text\":\"\",\"returnForRevision\":true}", 422);
        String returned = post("/api/research/findings/" + finding + "/comments",
                "{\"text\":\"Which page?\",\"returnForRevision\":true}", 200);
        assertThat((String) JsonPath.read(returned, "$.status")).isEqualTo("RETURNED");
        assertThat((List<String>) JsonPath.read(returned, "$.comments[*].text")).containsExactly("Fine so far",
                "Which page?");
        http.get().uri("/api/research/assignments/" + a).exchange().expectBody().jsonPath("$.status")
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void aFindingWithoutEvidenceOrACitationWithoutSourceIsA422() {
        String a = assign(member("TM"), "TM");
        move(a, "start", 200);
        String noEvidence = post("/api/research/assignments/" + a + "/findings",
                "{\"statement\":\"s\",\"confidence\":\"high\",\"evidence\":[]}", 422, asExpertOf(a));
        assertThat(noEvidence).contains("evidence");
        post("/api/research/assignments/" + a + "/findings",
                "{\"statement\":\"s\",\"confidence\":\"high\",\"evidence\":[{\"quote\":\"q\",\"accessedOn\":\"2026-11-01\"}]}",
                422, asExpertOf(a));
        post("/api/research/assignments/no-such/findings", FINDING, 404);
        http.get().uri("/api/research/findings/no-such").exchange().expectStatus().isNotFound();
    }
}
