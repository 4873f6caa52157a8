package org.civictaskforce.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.platform.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The guide's HTTP API against the MongoDB-wire-compatible store and an embedded broker: authoring,
 * translating, staleness, publication, downloads byte-exact, refusals, and the events on the topic.
 * The tests share one guide, so each uses its own section keys; only the journey publishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "strategy.guide.source-language=ru")
@EmbeddedKafka(partitions = 3, topics = { Topics.MEMBERSHIP_EVENTS, Topics.STRATEGY_EVENTS },
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class GuideApiIT {
    private static final String G = "/api/strategy/guide";
    private static final String KYRGYZ = "Жарандык коом — ң ө ү Ң Ө Ү; «кеңеш» & <эскертүү>\nЭкинчи сап: өнүгүү.";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("strategy-guide-it-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", TestTokens.coordinator()).build();
        http.put().uri(G + "/translators/ky/translator-ky").exchange().expectStatus().isOk();
    }

    @Test
    void authorTranslateGoStaleFixApprovePublishAndDownload() throws Exception {
        post(G + "/sections", Map.of("key", "intro", "title", "Введение", "body", "Строка один\nСтрока два"), 201)
                .path("revision").asInt();
        post(G + "/sections", Map.of("key", "ifis", "title", "МФИ", "body", "Всемирный банк, ЕБРР"), 201);

        // translate both into Kyrgyz and approve
        for (String key : List.of("intro", "ifis")) {
            JsonNode draft = put(G + "/sections/" + key + "/translations/ky",
                    Map.of("title", "Киришүү " + key, "body", KYRGYZ, "basedOnRevision", 1), 200);
            assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
            assertThat(draft.path("changedBy").asString()).isEqualTo("translator-ky");
            post(G + "/sections/" + key + "/translations/ky/submit", null, 200);
            assertThat(post(G + "/sections/" + key + "/translations/ky/approve", null, 200).path("status").asString())
                    .isEqualTo("APPROVED");
        }
        assertThat(language("ky").path("complete").asBoolean()).isTrue();

        // the source changes: ky goes stale, publication is refused naming the section
        JsonNode changed = put(G + "/sections/intro", Map.of("title", "Введение", "body", "Строка один\nСтрока 2"), 200);
        assertThat(changed.path("revision").asInt()).isEqualTo(2);
        assertThat(changed.path("translations").path("ky").path("status").asString()).isEqualTo("STALE");
        JsonNode ky = language("ky");
        assertThat(ky.path("complete").asBoolean()).isFalse();
        assertThat(ky.path("stale").asInt()).isEqualTo(1);
        assertThat(ky.path("approved").asInt()).isEqualTo(1);
        JsonNode refused = post(G + "/editions/ky", null, 409);
        assertThat(refused.path("detail").asString()).contains("intro");
        post(G + "/sections/intro/translations/ky/submit", null, 409);

        JsonNode diff = get(G + "/sections/intro/translations/ky/source-diff");
        assertThat(diff.path("basedOn").path("body").asString()).isEqualTo("Строка один\nСтрока два");
        assertThat(diff.path("current").path("body").asString()).isEqualTo("Строка один\nСтрока 2");
        assertThat(diff.path("lines").toString()).contains("{\"op\":\"REMOVED\",\"text\":\"Строка два\"}")
                .contains("{\"op\":\"ADDED\",\"text\":\"Строка 2\"}");

        // fix, approve, publish
        put(G + "/sections/intro/translations/ky", Map.of("title", "Киришүү intro", "body", KYRGYZ, "basedOnRevision", 2),
                200);
        post(G + "/sections/intro/translations/ky/submit", null, 200);
        // returned once with the reviewer's comment, which the translator reads until she submits again
        String base = G + "/sections/intro/translations/ky";
        post(base + "/return", Map.of("comment", "x".repeat(2001)), 422);
        assertThat(get(base).path("status").asString()).as("a refused return changes nothing").isEqualTo("IN_REVIEW");
        JsonNode returned = post(base + "/return", Map.of("comment", " «Киришүү» — башка сөз керек "), 200);
        assertThat(returned.path("status").asString()).isEqualTo("DRAFT");
        assertThat(returned.path("reviewComment").asString()).isEqualTo("«Киришүү» — башка сөз керек");
        assertThat(get(base).path("reviewComment").asString()).isEqualTo("«Киришүү» — башка сөз керек");
        post(base + "/submit", null, 200);
        JsonNode cleared = get(base).path("reviewComment");
        assertThat(cleared.isMissingNode() || cleared.isNull()).as("submitted again: no comment, " + cleared).isTrue();
        assertThat(post(base + "/return", null, 200).path("status").asString()).as("a comment is optional")
                .isEqualTo("DRAFT");
        post(base + "/submit", null, 200);
        post(G + "/sections/intro/translations/ky/approve", null, 200);
        JsonNode edition = post(G + "/editions/ky", null, 201);
        assertThat(edition.path("number").asInt()).isEqualTo(1);
        assertThat(edition.path("sections").get(0).path("sourceRevision").asInt()).isEqualTo(2);

        // readable and downloadable, Kyrgyz letters byte-exact
        assertThat(get(G + "/editions/ky/1").path("sections").get(1).path("body").asString()).isEqualTo(KYRGYZ);
        byte[] html = download(G + "/editions/ky/1?format=html", "text/html");
        String htmlText = new String(html, StandardCharsets.UTF_8);
        assertThat(htmlText).contains("<meta charset=\"UTF-8\" />").contains("DejaVu Sans").contains("<html lang=\"ky\">")
                .contains("Жарандык коом — ң ө ү Ң Ө Ү; «кеңеш» &amp; &lt;эскертүү&gt;\nЭкинчи сап: өнүгүү.");
        assertThat(contains(html, "ң ө ү Ң Ө Ү".getBytes(StandardCharsets.UTF_8))).isTrue();
        byte[] md = download(G + "/editions/ky/1?format=md", "text/markdown");
        assertThat(contains(md, KYRGYZ.getBytes(StandardCharsets.UTF_8))).as("Markdown keeps the body byte-exact").isTrue();
        assertThat(new String(md, StandardCharsets.UTF_8)).contains("## Киришүү intro\n\n" + KYRGYZ);
        assertThat(http.get().uri(G + "/editions/ky/1").header("Accept", "text/markdown").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody()).isEqualTo(md);

        // PDF and DOCX through the shared renderer: the Kyrgyz letters come back out of both
        byte[] pdf = binary(G + "/editions/ky/1?format=pdf", "application/pdf", "guide-ky-1.pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Жарандык коом — ң ө ү Ң Ө Ү; «кеңеш» & <эскертүү>").contains("Экинчи сап: өнүгүү.")
                    .contains("Киришүү intro");
        }
        byte[] docx = binary(G + "/editions/ky/1?format=docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "guide-ky-1.docx");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(document.getParagraphs()).extracting(XWPFParagraph::getText)
                    .contains("Киришүү intro", "Жарандык коом — ң ө ү Ң Ө Ү; «кеңеш» & <эскертүү> Экинчи сап: өнүгүү.");
            assertThat(document.getParagraphs().get(0).getRuns().get(0).getLang()).isEqualTo("ky");
        }
        byte[] byAccept = http.get().uri(G + "/editions/ky/1").header("Accept", "application/pdf").exchange()
                .expectStatus().isOk().expectHeader().contentType("application/pdf")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(byAccept, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        JsonNode badFormat = json(http.get().uri(G + "/editions/ky/1?format=exe").exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(badFormat.path("status").asInt()).isEqualTo(400);
        assertThat(http.get().uri(G + "/editions/ky/1?format=json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains("\"number\":1");

        // a later source change does not touch the published edition
        put(G + "/sections/ifis", Map.of("title", "МФИ", "body", "Всемирный банк, ЕБРР, АБР"), 200);
        assertThat(get(G + "/editions/ky/1").path("sections").get(1).path("sourceRevision").asInt()).isEqualTo(1);
        http.get().uri(G + "/editions/ky/2").exchange().expectStatus().isNotFound();

        // every change went out through the outbox, valid against the published schemas
        List<ConsumerRecord<String, String>> events = TopicReader.read(bootstrap, Topics.STRATEGY_EVENTS,
                r -> r.stream().anyMatch(e -> e.value().contains("edition-published")), Duration.ofSeconds(30));
        assertThat(events).extracting(e -> EventJson.readEnvelope(e.value()).type())
                .contains("org.civictaskforce.strategy.guide.section-changed",
                        "org.civictaskforce.strategy.guide.translation-status-changed",
                        "org.civictaskforce.strategy.guide.edition-published");
        assertThat(events).allSatisfy(e -> assertThat(EventSchemas.violations(e.value())).isEmpty());
        assertThat(events).anySatisfy(e -> assertThat(e.value()).contains("\"status\":\"STALE\""));
        assertThat(events).allSatisfy(e -> assertThat(e.value()).doesNotContain("Строка").doesNotContain("ң"));
    }

    @Test
    void refusalsAre404409And422Problems() {
        post(G + "/sections", Map.of("key", "Not A Key", "title", "x", "body", "y"), 422);
        post(G + "/sections", Map.of("key", "no-title", "body", "y"), 422);
        post(G + "/sections", Map.of("key", "dup", "title", "Дубль", "body", "Текст"), 201);
        JsonNode duplicate = post(G + "/sections", Map.of("key", "dup", "title", "Дубль", "body", "Текст"), 409);
        assertThat(duplicate.path("type").asString()).isEqualTo("/problems/conflict");
        put(G + "/sections/missing", Map.of("title", "x", "body", "y"), 404);
        put(G + "/sections/dup/translations/ky", Map.of("title", "x", "body", "y"), 422);
        put(G + "/sections/missing/translations/ky", Map.of("title", "x", "body", "y", "basedOnRevision", 1), 404);
        put(G + "/sections/dup/translations/ru", Map.of("title", "x", "body", "y", "basedOnRevision", 1), 422);
        put(G + "/sections/dup/translations/ky", Map.of("title", "x", "body", "y", "basedOnRevision", 9), 422);
        post(G + "/sections/dup/translations/kk/approve", null, 409);
        http.get().uri(G + "/sections/dup/translations/tk/source-diff").exchange().expectStatus().isNotFound();
        http.get().uri(G + "/editions/uz/1").exchange().expectStatus().isNotFound();
        http.get().uri(G + "/editions/uz/x").exchange().expectStatus().isBadRequest();
        post(G + "/editions/tg", null, 409);
        JsonNode guide = get(G);
        assertThat(guide.path("sourceLanguage").asString()).isEqualTo("ru");
        assertThat(guide.path("targetLanguages").toString()).isEqualTo("[\"kk\",\"ky\",\"tg\",\"tk\",\"uz\",\"en\"]");
    }

    private JsonNode language(String lang) {
        for (JsonNode l : get(G + "/languages").path("languages")) {
            if (l.path("language").asString().equals(lang)) {
                return l;
            }
        }
        throw new AssertionError("no " + lang);
    }

    private JsonNode get(String uri) {
        return json(http.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody());
    }

    private byte[] binary(String uri, String type, String filename) {
        return http.get().uri(uri).exchange().expectStatus().isOk()
                .expectHeader().value("Content-Type", v -> assertThat(v).isEqualTo(type))
                .expectHeader().value("Content-Disposition", v -> assertThat(v).isEqualTo("attachment; filename=\"" + filename + "\""))
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private byte[] download(String uri, String type) {
        return http.get().uri(uri).exchange().expectStatus().isOk()
                .expectHeader().value("Content-Type", v -> assertThat(v).startsWith(type).containsIgnoringCase("charset=UTF-8"))
                .expectHeader().value("Content-Disposition", v -> assertThat(v).startsWith("attachment"))
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static final String TRANSLATOR = TestTokens.bearer("translator-ky", Role.TRANSLATOR);

    /** Translation writes and submissions are the assigned translator's; everything else the coordinator's. */
    private static String tokenFor(String uri) {
        return uri.contains("/translations/") && !uri.endsWith("/approve") && !uri.endsWith("/return") ? TRANSLATOR
                : TestTokens.coordinator();
    }

    private JsonNode post(String uri, Object body, int status) {
        var spec = http.post().uri(uri).header("Authorization", tokenFor(uri));
        var response = body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
        return json(response.expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody());
    }

    private JsonNode put(String uri, Object body, int status) {
        return json(http.put().uri(uri).header("Authorization", tokenFor(uri)).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult()
                .getResponseBody());
    }

    private static JsonNode json(String text) {
        return EventJson.MAPPER.readTree(text == null ? "{}" : text);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
