package org.civictaskforce.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.research.application.AssignmentStore;
import org.civictaskforce.research.application.FindingStore;
import org.civictaskforce.research.application.SearchService;
import org.civictaskforce.research.application.UnfinishedWork;
import org.civictaskforce.research.domain.AssignmentStatus;
import org.civictaskforce.research.domain.Finding;
import org.civictaskforce.research.persistence.MemberDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.jayway.jsonpath.JsonPath;

/** Word search across findings, standards and mechanisms in Russian, English and Kazakh, through the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = Topics.MEMBERSHIP_EVENTS,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class SearchIT {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("research-search-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    RestTestClient http;
    String expert;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", TestTokens.coordinator()).build();
        expert = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", expert).append("country", "KZ").append("status", "INVITED")
                .append("membership", "ACTIVE").append("roles", List.of("expert")), MemberDocument.COLLECTION);
    }

    private String json(String uri, String token) {
        return http.get().uri(uri).header("Authorization", token).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private List<String> ids(String query, String kind, String token) {
        String body = http.get().uri(kind == null ? "/api/research/search?q={q}&size=100"
                : "/api/research/search?q={q}&size=100&kind={kind}", query, kind)
                .header("Authorization", token).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        return JsonPath.read(body, "$.content[*].id");
    }

    private String assignmentWithFindings(String... statements) {
        String expertToken = TestTokens.bearer(expert, Role.EXPERT);
        String a = JsonPath.read(http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"expertId":"%s","country":"KZ","institutionId":"ebrd","strand":"LEGAL_AND_POLITICAL_RELATIONS","dueDate":"%s"}
                        """.formatted(expert, LocalDate.now().plusDays(10)))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody(), "$.id");
        http.post().uri("/api/research/assignments/" + a + "/start").header("Authorization", expertToken).exchange()
                .expectStatus().isOk();
        for (String statement : statements) {
            http.post().uri("/api/research/assignments/" + a + "/findings").header("Authorization", expertToken)
                    .contentType(MediaType.APPLICATION_JSON).body("""
                            {"statement":"%s","confidence":"medium","evidence":[{"document":"Отчёт 2025","section":"§4",
                             "accessedOn":"2026-10-01"}]}
                            """.formatted(statement)).exchange().expectStatus().isCreated();
        }
        return a;
    }

    @Test
    void findingsAreFoundByRussianEnglishAndKazakhWordsInAnyFormCaseAndAccent() {
        assignmentWithFindings("Стандарты гражданского общества требуют раскрытия информации о проекте.",
                "Reprisals against Civil-Society defenders were not investigated.",
                "Қазақстандағы азаматтық қоғам ұйымдары туралы заң өзгерді.");
        String c = TestTokens.coordinator();
        assertThat(ids("стандартов", "finding", c)).hasSize(1);
        assertThat(ids("ГРАЖДАНСКОЕ общество", "finding", c)).hasSize(1);
        assertThat(ids("отчет стандартов", "finding", c)).as("ё folded to е, citation document searched")
                .hasSize(1);
        assertThat(ids("reprisal defender", "finding", c)).hasSize(1);
        assertThat(ids("civil society", "finding", c)).hasSize(1);
        assertThat(ids("азаматтық қоғам", "finding", c)).hasSize(1);
        assertThat(ids("қоғам reprisals", "finding", c)).as("every word must match").isEmpty();
    }

    @Test
    void standardsAndMechanismsAreFoundWithTitlesAndSnippets() {
        String c = TestTokens.coordinator();
        assertThat(ids("stakeholder engagement disclosure", "standard", c)).contains("wb/wb-ess10", "ebrd/ebrd-pr10");
        String hits = json("/api/research/search?q=inspection+panel&kind=mechanism", c);
        assertThat((List<String>) JsonPath.read(hits, "$.content[*].kind")).isNotEmpty().containsOnly("mechanism");
        assertThat((List<String>) JsonPath.read(hits, "$.content[*].id")).contains("wb");
        assertThat((List<String>) JsonPath.read(hits, "$.content[?(@.id == 'wb')].title"))
                .containsExactly("World Bank Accountability Mechanism (Inspection Panel + Dispute Resolution Service)");
        String all = json("/api/research/search?q=grievance&size=2&page=0", c);
        assertThat((List<?>) JsonPath.read(all, "$.content")).hasSize(2);
        assertThat((Integer) JsonPath.read(all, "$.page.totalElements")).isGreaterThan(2);
    }

    @Test
    void membersFindOnlyAcceptedFindingsCoordinatorsAll() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String a = assignmentWithFindings("Unique " + word + " statement.");
        String member = TestTokens.bearer(UUID.randomUUID().toString(), Role.MEMBER);
        assertThat(ids(word, null, TestTokens.coordinator())).hasSize(1);
        assertThat(ids(word, null, member)).isEmpty();
        String expertToken = TestTokens.bearer(expert, Role.EXPERT);
        http.post().uri("/api/research/assignments/" + a + "/submit").header("Authorization", expertToken).exchange()
                .expectStatus().isOk();
        http.post().uri("/api/research/assignments/" + a + "/accept").exchange().expectStatus().isOk();
        assertThat(ids(word, null, member)).hasSize(1);
    }

    @Autowired
    FindingStore findings;
    @Autowired
    AssignmentStore assignments;
    @Autowired
    SearchService search;
    @Autowired
    UnfinishedWork unfinishedWork;

    @Test
    void aFindingSavedButNotIndexedBeforeAStopIsFoundAfterTheCatchUp() {
        search.catchUp();
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String a = assignmentWithFindings();
        // the process stops between saving the finding and indexing it
        Finding.Change saved = Finding.submit(UUID.randomUUID().toString(), assignments.find(a).orElseThrow(),
                new Finding.Content("Saved " + word + " before the stop.", List.of(new Finding.Citation(
                        "https://example.org/report", null, "p. 4", null, LocalDate.now())), List.of(), "low"),
                java.time.Instant.now());
        findings.insert(saved);
        String c = TestTokens.coordinator();
        assertThat(ids(word, null, c)).isEmpty();
        assertThat(findings.awaitingSearch(10)).extracting(Finding::id).containsExactly(saved.finding().id());

        assertThat(search.catchUp()).isEqualTo(1);

        assertThat(ids(word, null, c)).containsExactly(saved.finding().id());
        assertThat(findings.awaitingSearch(10)).isEmpty();
        assertThat(search.catchUp()).isZero();
    }

    @Test
    void anAcceptanceStoppedAfterTheAssignmentIsFinishedByTheCatchUp() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String a = assignmentWithFindings("First " + word + ".", "Second " + word + ".");
        http.post().uri("/api/research/assignments/" + a + "/submit")
                .header("Authorization", TestTokens.bearer(expert, Role.EXPERT)).exchange().expectStatus().isOk();
        // the process stops after saving the accepted assignment, before its findings (retried like every command:
        // the outbox relay, woken by the submission, may claim the document between the read and the save)
        OptimisticRetry.run(() -> {
            assignments.update(assignments.find(a).orElseThrow().moveTo(AssignmentStatus.ACCEPTED,
                    java.time.Instant.now()));
            return null;
        });
        String member = TestTokens.bearer(UUID.randomUUID().toString(), Role.MEMBER);
        assertThat(ids(word, null, member)).isEmpty();

        unfinishedWork.finish();

        assertThat(findings.ofAssignment(a)).hasSize(2)
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(Finding.FindingStatus.ACCEPTED));
        assertThat(ids(word, null, member)).hasSize(2);
        assertThat(findings.assignmentsWithSubmittedFindings()).doesNotContain(a);
    }

    @Test
    void badParametersAre400() {
        http.get().uri("/api/research/search").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/research/search?q=bank&kind=people").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/research/search?q=bank&size=1000").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/research/search?q=").exchange().expectStatus().isBadRequest();
    }
}
