package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;

/**
 * Journey 4, the analytical note, through the gateway: findings accepted in three countries are
 * published as a version of the note, downloaded as PDF with the Kazakh and Uzbek sample strings intact
 * in the extracted text; another finding is accepted, the next version lists it as added, and the first
 * version is unchanged. The stack is shared with the other journeys, whose accepted findings may be in
 * the note too: numbers are taken from the answers, not assumed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticalNoteIT {
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String KAZAKH = "Қазақстан Республикасы әділет";
    static final String UZBEK = "Oʻzbekiston Respublikasi gʻazna";
    static final String KYRGYZ = "Кыргыз Республикасы өкмөтү";
    static final String LATER = "A later finding on the EBRD in Kazakhstan, run " + RUN;

    GatewayClient gateway;
    final List<String> firstFindings = new ArrayList<>();
    int first;
    String firstJson;
    String laterFinding;

    @BeforeAll
    void start() {
        SystemUnderTest.stack();
        gateway = SystemUnderTest.gateway();
    }

    @Test
    @Order(1)
    void findingsAcceptedInThreeCountriesArePublishedAsAVersion() {
        firstFindings.add(acceptedFinding("KZ", "wb", KAZAKH + ": the registration of public associations (run " + RUN + ")."));
        firstFindings.add(acceptedFinding("UZ", "wb", UZBEK + " — budget transparency (run " + RUN + ")."));
        firstFindings.add(acceptedFinding("KG", "ebrd", KYRGYZ + " — consultations (run " + RUN + ")."));

        Answer draft = gateway.get("/api/research/note/draft");
        assertThat(draft.status()).isEqualTo(200);
        List<String> pending = draft.body().get("changes").get("added").valueStream()
                .map(e -> e.get("findingId").asString()).toList();
        assertThat(pending).containsAll(firstFindings);

        Answer published = gateway.post("/api/research/note/versions", null);
        assertThat(published.status()).as(published.raw()).isEqualTo(201);
        first = published.body().get("number").asInt();
        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(published.body().get("countries").asInt()).isGreaterThanOrEqualTo(3);
        firstJson = gateway.get("/api/research/note/versions/" + first).raw();
        assertThat(firstJson).contains(KAZAKH, UZBEK, KYRGYZ).doesNotContain("expertId");
    }

    @Test
    @Order(2)
    void theVersionDownloadsAsPdfWithTheKazakhAndUzbekLettersIntact() throws IOException {
        HttpResponse<byte[]> pdf = gateway.download("/api/research/note/versions/" + first + "?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"analytical-note-v" + first + ".pdf\"");
        String text = pdfText(pdf.body());
        assertThat(text).contains(KAZAKH, UZBEK, KYRGYZ, "Analytical note", "Version " + first);

        HttpResponse<byte[]> docx = gateway.download("/api/research/note/versions/" + first + "?format=docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.body()).startsWith('P', 'K');
        assertThat(gateway.get("/api/research/note/versions/" + first + "?format=exe").status()).isEqualTo(400);
        assertThat(gateway.get("/api/research/note/versions/100000").status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void anotherAcceptedFindingIsAddedInTheNextVersionAndTheFirstStaysAsItWas() throws IOException {
        laterFinding = acceptedFinding("KZ", "ebrd", LATER);

        Answer published = gateway.post("/api/research/note/versions", null);
        assertThat(published.status()).as(published.raw()).isEqualTo(201);
        int second = published.body().get("number").asInt();
        assertThat(second).isGreaterThan(first);

        Answer changes = gateway.get("/api/research/note/versions/" + second + "/changes");
        assertThat(changes.status()).isEqualTo(200);
        assertThat(changes.body().get("added").valueStream().map(e -> e.get("findingId").asString()).toList())
                .contains(laterFinding).doesNotContainAnyElementsOf(firstFindings);

        assertThat(gateway.get("/api/research/note/versions/" + first).raw()).isEqualTo(firstJson);
        assertThat(pdfText(gateway.download("/api/research/note/versions/" + first + "?format=pdf").body()))
                .doesNotContain(LATER).contains(KAZAKH);
        assertThat(pdfText(gateway.download("/api/research/note/versions/" + second + "?format=pdf").body()))
                .contains(KAZAKH, UZBEK);
        JsonNode versions = gateway.get("/api/research/note/versions").body().get("versions");
        assertThat(versions.valueStream().map(v -> v.get("number").asInt()).toList()).contains(first, second);
    }

    private String acceptedFinding(String country, String institution, String statement) {
        return acceptedFinding(gateway, RUN, country, institution, statement);
    }

    /** A finding written by a new expert of the country and accepted by the coordinator, all through the API. */
    static String acceptedFinding(GatewayClient gateway, String run, String country, String institution, String statement) {
        String expert = gateway.post("/api/membership/people", """
                {"displayName":"Note researcher %2$s","email":"note.researcher.%2$s.%3$s.%1$s@example.org","country":"%2$s",\
                "preferredLanguage":"ru","timeZone":"Asia/Almaty","roles":["EXPERT"]}"""
                .formatted(run, country, institution)).body().get("id").asString();
        gateway.post("/api/membership/people/" + expert + "/invitations", null);
        // the expert accepts and consents themself; the coordinator activates them
        assertThat(gateway.as(expert).post("/api/membership/people/" + expert + "/invitation/accept", null).status())
                .isEqualTo(200);
        assertThat(gateway.as(expert).post("/api/membership/people/" + expert + "/consent",
                "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}").status()).isEqualTo(200);
        assertThat(gateway.post("/api/membership/people/" + expert + "/activate", null).status()).isEqualTo(200);
        GatewayClient self = gateway.as(expert, Role.EXPERT);
        String body = """
                {"expertId":"%s","country":"%s","institutionId":"%s","strand":"STANDARDS_AND_RULES","dueDate":"%s"}"""
                .formatted(expert, country, institution, LocalDate.now().plusDays(30));
        // research learns about the expert from membership's events
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.post("/api/research/assignments", body).status() == 201);
        String assignment = "/api/research/assignments/"
                + gateway.get("/api/research/assignments?expertId=" + expert).body().get("content").get(0).get("id").asString();
        assertThat(self.post(assignment + "/start", null).status()).isEqualTo(200);
        Answer finding = self.post(assignment + "/findings", """
                {"statement":"%s","confidence":"high","standardIds":["%s"],\
                "evidence":[{"link":"https://example.org/%s","document":"Закон","section":"ст. 5","quote":"цитата",\
                "accessedOn":"2026-11-01"}]}""".formatted(statement, institution.equals("wb") ? "wb-ess10" : "ebrd-pr10",
                institution));
        assertThat(finding.status()).as(finding.raw()).isEqualTo(201);
        assertThat(self.post(assignment + "/submit", null).status()).isEqualTo(200);
        assertThat(gateway.post(assignment + "/accept", null).status()).isEqualTo(200);
        return finding.body().get("id").asString();
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
