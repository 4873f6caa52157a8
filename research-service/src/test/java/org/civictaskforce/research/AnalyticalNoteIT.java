package org.civictaskforce.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.bson.Document;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.Topics;
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

/**
 * The analytical note over HTTP against the wire-compatible store and an embedded broker: nothing to
 * publish, draft, publishing numbered versions, downloads in every format with the Central Asian
 * letters intact, refusals, a second version with its changes while the first stays as it was, events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = { Topics.MEMBERSHIP_EVENTS, Topics.RESEARCH_EVENTS },
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class AnalyticalNoteIT {
    private static final String NOTE = "/api/research/note";
    private static final String KAZAKH = "Қазақстан Республикасы әділет";
    private static final String UZBEK = "Oʻzbekiston Respublikasi gʻazna";
    private static final String KYRGYZ = "Кыргыз Республикасы өкмөтү";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("research-note-" + UUID.randomUUID()));
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

    @Test
    void compilePublishDownloadAndVersion() throws Exception {
        // nothing accepted yet: the draft is empty and publishing is refused
        http.get().uri(NOTE + "/draft").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.findings").isEqualTo(0).jsonPath("$.latestNumber").doesNotExist();
        http.post().uri(NOTE + "/versions").exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        http.get().uri(NOTE + "/versions").exchange().expectStatus().isOk().expectBody().jsonPath("$.versions").isEmpty();

        // accepted findings in three countries (a submitted one stays out)
        String kz = acceptedFinding("KZ", "wb", KAZAKH + ": the law on public associations.", "wb-ess10");
        String uz = acceptedFinding("UZ", "wb", UZBEK + " — budget transparency.", "wb-ess10");
        String kg = acceptedFinding("KG", "ebrd", KYRGYZ + " <script>alert(1)</script> *not emphasis*", "no-such-standard");
        String pending = assignmentInProgress("KZ", "ebrd");
        http.post().uri("/api/research/assignments/" + pending + "/findings").header("Authorization", expertToken(pending))
                .contentType(MediaType.APPLICATION_JSON).body(finding("Pending statement", "ebrd-pr10")).exchange()
                .expectStatus().isCreated();

        String draft = get(NOTE + "/draft");
        assertThat((Integer) JsonPath.read(draft, "$.findings")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(draft, "$.countries")).isEqualTo(3);
        assertThat((List<String>) JsonPath.read(draft, "$.changes.added[*].findingId")).containsExactlyInAnyOrder(kz, uz, kg);
        assertThat(draft).doesNotContain("Pending statement");
        String draftMarkdown = new String(download(NOTE + "/draft?format=md", "text/markdown", "analytical-note-draft.md"),
                StandardCharsets.UTF_8);
        assertThat(draftMarkdown).contains("Draft (not published)").contains(KAZAKH);

        // only a coordinator publishes; an expert or a member may read
        String expert = org.civictaskforce.platform.security.TestTokens.bearer("expert-1",
                org.civictaskforce.platform.security.Role.EXPERT, org.civictaskforce.platform.security.Role.MEMBER);
        http.post().uri(NOTE + "/versions").header("Authorization", expert).exchange().expectStatus().isForbidden();
        http.get().uri(NOTE + "/draft").header("Authorization", expert).exchange().expectStatus().isOk();
        http.get().uri(NOTE + "/draft").header("Authorization", "").exchange().expectStatus().isUnauthorized();
        // an invited person without a working-group role does not read the group's note
        http.get().uri(NOTE + "/draft").header("Authorization",
                org.civictaskforce.platform.security.TestTokens.person("invited-1")).exchange().expectStatus().isForbidden();
        // publish version 1
        String v1 = http.post().uri(NOTE + "/versions").exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Location", NOTE + "/versions/1")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat((Integer) JsonPath.read(v1, "$.number")).isEqualTo(1);
        assertThat((String) JsonPath.read(v1, "$.id")).isEqualTo("note-v1");
        http.post().uri(NOTE + "/versions").exchange().expectStatus().isEqualTo(409);

        String v1Json = get(NOTE + "/versions/1");
        assertThat((List<String>) JsonPath.read(v1Json, "$.institutionParts[*].id")).containsExactly("ebrd", "wb");
        assertThat((List<String>) JsonPath.read(v1Json, "$.institutionParts[1].countries[*].code")).containsExactly("KZ", "UZ");
        String wbStandard = "$.institutionParts[1].countries[0].findings[0].standards[0]";
        assertThat((String) JsonPath.read(v1Json, wbStandard + ".title")).startsWith("ESS10");
        assertThat((Boolean) JsonPath.read(v1Json, wbStandard + ".found")).isTrue();
        assertThat((Boolean) JsonPath.read(v1Json, wbStandard + ".unverified")).isFalse();
        assertThat((Boolean) JsonPath.read(v1Json, "$.institutionParts[0].countries[0].findings[0].standards[0].found"))
                .isFalse();
        assertThat((Boolean) JsonPath.read(v1Json, "$.institutionParts[1].countries[0].relation.unverified")).isTrue();
        assertThat(v1Json).doesNotContain("expertId");

        // downloads: PDF and DOCX with the letters intact, HTML escaped, by ?format= and by Accept
        byte[] pdf = download(NOTE + "/versions/1?format=pdf", "application/pdf", "analytical-note-v1.pdf");
        String pdfText = pdfText(pdf);
        assertThat(pdfText).contains(KAZAKH, UZBEK, KYRGYZ, "Analytical note", "Version 1, published",
                "World Bank", "UNVERIFIED", "no-such-standard");
        assertThat(pdfText).doesNotContain("Pending statement");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(
                download(NOTE + "/versions/1?format=docx", DOCX, "analytical-note-v1.docx")))) {
            String text = String.join("\n", docx.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(text).contains(KAZAKH, UZBEK, KYRGYZ + " <script>alert(1)</script> *not emphasis*");
        }
        String html = new String(http.get().uri(NOTE + "/versions/1").header("Accept", "text/html").exchange()
                .expectStatus().isOk().expectHeader().contentType("text/html;charset=UTF-8")
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; *not emphasis*").doesNotContain("<script>")
                .contains(UZBEK);
        byte[] pdfByAccept = http.get().uri(NOTE + "/versions/1").header("Accept", "application/pdf").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(pdfText(pdfByAccept)).contains(KAZAKH);

        // refusals: an unknown format 400, unknown version 404, a version that is not a number 400
        http.get().uri(NOTE + "/versions/1?format=exe").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        http.get().uri(NOTE + "/draft?format=rtf").exchange().expectStatus().isBadRequest();
        http.get().uri(NOTE + "/versions/7").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        http.get().uri(NOTE + "/versions/7?format=pdf").exchange().expectStatus().isNotFound();
        http.get().uri(NOTE + "/versions/0/changes").exchange().expectStatus().isNotFound();
        http.get().uri(NOTE + "/versions/abc").exchange().expectStatus().isBadRequest();

        // another finding accepted: version 2 lists it as added, version 1 stays as it was
        String later = acceptedFinding("KZ", "ebrd", "A later finding about EBRD in Kazakhstan.", "ebrd-pr10");
        http.post().uri(NOTE + "/versions").exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.number").isEqualTo(2);
        String changes = get(NOTE + "/versions/2/changes");
        assertThat((Integer) JsonPath.read(changes, "$.previousNumber")).isEqualTo(1);
        assertThat((List<String>) JsonPath.read(changes, "$.added[*].findingId")).containsExactly(later);
        assertThat((List<?>) JsonPath.read(changes, "$.removed")).isEmpty();
        assertThat((List<?>) JsonPath.read(changes, "$.changed")).isEmpty();
        assertThat(get(NOTE + "/versions/1")).isEqualTo(v1Json);
        assertThat(pdfText(download(NOTE + "/versions/1?format=pdf", "application/pdf", "analytical-note-v1.pdf")))
                .doesNotContain("A later finding");
        assertThat(pdfText(download(NOTE + "/versions/2?format=pdf", "application/pdf", "analytical-note-v2.pdf")))
                .contains("A later finding", "What changed since version 1");
        String list = get(NOTE + "/versions");
        assertThat((List<Integer>) JsonPath.read(list, "$.versions[*].number")).containsExactly(1, 2);
        assertThat((List<Integer>) JsonPath.read(list, "$.versions[*].added")).containsExactly(3, 1);

        // both publications went out through the outbox, valid and without text or people
        List<ConsumerRecord<String, String>> events = TopicReader.read(bootstrap, Topics.RESEARCH_EVENTS,
                r -> r.stream().filter(c -> c.value().contains("note.published")).count() >= 2, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> published = events.stream().filter(c -> c.value().contains("note.published"))
                .toList();
        assertThat(published).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("note-v1", "note-v2");
        assertThat(published).allSatisfy(c -> {
            assertThat(EventSchemas.violations(c.value())).isEmpty();
            assertThat(c.value()).doesNotContain("Қазақстан").doesNotContain("statement");
        });
        assertThat(published).filteredOn(c -> c.key().equals("note-v2")).singleElement()
                .satisfies(c -> assertThat(EventJson.readEnvelope(c.value()).data().toString()).contains(later));
    }

    // --- helpers -------------------------------------------------------------------------------

    private final java.util.Map<String, String> expertOf = new java.util.concurrent.ConcurrentHashMap<>();

    private String acceptedFinding(String country, String institution, String statement, String standard) {
        String assignment = assignmentInProgress(country, institution);
        String id = JsonPath.read(http.post().uri("/api/research/assignments/" + assignment + "/findings")
                .header("Authorization", expertToken(assignment)).contentType(MediaType.APPLICATION_JSON)
                .body(finding(statement, standard)).exchange().expectStatus().isCreated().expectBody(String.class)
                .returnResult().getResponseBody(), "$.id");
        move(assignment, "submit");
        move(assignment, "accept");
        return id;
    }

    /** The assigned expert does their own steps (start, findings, submit); a coordinator accepts. */
    private String expertToken(String assignment) {
        return org.civictaskforce.platform.security.TestTokens.bearer(expertOf.get(assignment),
                org.civictaskforce.platform.security.Role.EXPERT);
    }

    private String assignmentInProgress(String country, String institution) {
        String expert = UUID.randomUUID().toString();
        // an active expert, as membership's MemberActivated leaves them in the read model
        mongo.insert(new Document("_id", expert).append("country", country).append("status", "INVITED")
                .append("membership", "ACTIVE").append("roles", List.of("expert")), MemberDocument.COLLECTION);
        String assignment = JsonPath.read(post("/api/research/assignments", """
                {"expertId":"%s","country":"%s","institutionId":"%s","strand":"STANDARDS_AND_RULES","dueDate":"%s"}
                """.formatted(expert, country, institution, LocalDate.now().plusDays(30)), 201), "$.id");
        expertOf.put(assignment, expert);
        move(assignment, "start");
        return assignment;
    }

    private static String finding(String statement, String standard) {
        return """
                {"statement":"%s","confidence":"high","standardIds":["%s"],
                 "evidence":[{"link":"https://example.org/law","document":"Закон","section":"ст. 5","quote":"цитата",
                              "accessedOn":"%s"}]}
                """.formatted(statement, standard, LocalDate.now().minusDays(1));
    }

    private void move(String assignment, String action) {
        String token = action.equals("accept") ? org.civictaskforce.platform.security.TestTokens.coordinator()
                : expertToken(assignment);
        http.post().uri("/api/research/assignments/" + assignment + "/" + action).header("Authorization", token)
                .exchange().expectStatus().isOk();
    }

    private String post(String uri, String body, int status) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
    }

    private String get(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    private byte[] download(String uri, String type, String fileName) {
        return http.get().uri(uri).exchange().expectStatus().isOk()
                .expectHeader().value("Content-Type", v -> assertThat(v).startsWith(type))
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
