package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/**
 * Journey 6, the guide, through the gateway: author sections, translate them into Kyrgyz, change a
 * source section so its Kyrgyz translation goes stale, fix and approve it, publish the Kyrgyz edition
 * and download it with its letters intact. The Kyrgyz translations are written and submitted by an active
 * member with the translator role whom a coordinator assigned to Kyrgyz; a coordinator approves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TranslatedGuideIT {
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String INTRO = "intro-" + RUN;
    static final String IFIS = "ifis-" + RUN;
    static final String KYRGYZ = "Жарандык коом — ң ө ү Ң Ө Ү";

    GatewayClient gateway;
    /** The Kyrgyz translator: an active member of the group with the translator role, assigned to ky. */
    GatewayClient translator;
    String editionPath;

    private GatewayClient otherTranslator;

    @BeforeAll
    void start() {
        SystemUnderTest.stack();
        gateway = SystemUnderTest.gateway();
        Answer person = gateway.post("/api/membership/people", """
                {"displayName":"Translator","fullName":"Translator Guidetest %1$s","email":"translator.%1$s@example.org",\
                "country":"KG","preferredLanguage":"ky","timeZone":"Asia/Bishkek","roles":["TRANSLATOR"],"expertise":["ifis"]}"""
                .formatted(RUN));
        assertThat(person.status()).as(person.raw()).isEqualTo(201);
        String id = person.body().get("id").asString();
        assertThat(gateway.post("/api/membership/people/" + id + "/invitations", null).status()).isEqualTo(201);
        assertThat(gateway.as(id).post("/api/membership/people/" + id + "/invitation/accept", null).status()).isEqualTo(200);
        assertThat(gateway.as(id).post("/api/membership/people/" + id + "/consent",
                "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}").status()).isEqualTo(200);
        assertThat(gateway.post("/api/membership/people/" + id + "/activate", null).body().get("status").asString())
                .isEqualTo("ACTIVE");
        translator = gateway.as(id, Role.TRANSLATOR);
        assertThat(translator.put("/api/strategy/guide/translators/ky/" + id, null).status())
                .as("translators do not assign themselves").isEqualTo(403);
        assertThat(gateway.put("/api/strategy/guide/translators/ky/" + id, null).status()).isEqualTo(200);
        // a second translator, active but not assigned to Kyrgyz
        Answer other = gateway.post("/api/membership/people", """
                {"displayName":"Other Translator","fullName":"Other Guidetest %1$s","email":"other.%1$s@example.org",\
                "country":"TJ","preferredLanguage":"tg","timeZone":"Asia/Dushanbe","roles":["TRANSLATOR"]}"""
                .formatted(RUN));
        assertThat(other.status()).as(other.raw()).isEqualTo(201);
        String otherId = other.body().get("id").asString();
        assertThat(gateway.post("/api/membership/people/" + otherId + "/invitations", null).status()).isEqualTo(201);
        assertThat(gateway.as(otherId).post("/api/membership/people/" + otherId + "/invitation/accept", null).status())
                .isEqualTo(200);
        assertThat(gateway.as(otherId).post("/api/membership/people/" + otherId + "/consent",
                "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}").status()).isEqualTo(200);
        assertThat(gateway.post("/api/membership/people/" + otherId + "/activate", null).status()).isEqualTo(200);
        otherTranslator = gateway.as(otherId, Role.TRANSLATOR);
        assertThat(otherTranslator.put("/api/strategy/guide/translators/ky/" + otherId, null).status()).isEqualTo(403);
    }

    @Test
    @Order(1)
    void authorSectionsAndTranslateThemIntoKyrgyz() {
        for (String key : List.of(INTRO, IFIS)) {
            Answer section = gateway.post("/api/strategy/guide/sections",
                    "{\"key\":\"" + key + "\",\"title\":\"Введение\",\"body\":\"Строка один\\nСтрока два\"}");
            assertThat(section.status()).as(section.raw()).isEqualTo(201);
            translateAndApprove(key, 1);
        }
        assertThat(kyrgyz().contains("\"complete\":true")).isTrue();
    }

    @Test
    @Order(2)
    void changingTheSourceMakesTheTranslationStaleAndBlocksPublication() {
        Answer changed = gateway.put("/api/strategy/guide/sections/" + INTRO,
                "{\"title\":\"Введение\",\"body\":\"Строка один\\nСтрока 2\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("revision").asInt()).isEqualTo(2);
        assertThat(changed.body().get("translations").get("ky").get("status").asString()).isEqualTo("STALE");

        Answer refused = gateway.post("/api/strategy/guide/editions/ky", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains(INTRO);

        Answer diff = gateway.get("/api/strategy/guide/sections/" + INTRO + "/translations/ky/source-diff");
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.raw()).contains("\"op\":\"REMOVED\",\"text\":\"Строка два\"")
                .contains("\"op\":\"ADDED\",\"text\":\"Строка 2\"");
    }

    @Test
    @Order(3)
    void fixApprovePublishAndDownloadWithTheLettersIntact() throws java.io.IOException {
        translateAndApprove(INTRO, 2);
        Answer published = gateway.post("/api/strategy/guide/editions/ky", null);
        assertThat(published.status()).as(published.raw()).isEqualTo(201);
        editionPath = "/api/strategy/guide/editions/ky/" + published.body().get("number").asInt();

        HttpResponse<byte[]> html = gateway.download(editionPath + "?format=html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).contains("text/html").containsIgnoringCase("utf-8");
        assertThat(new String(html.body(), StandardCharsets.UTF_8)).contains(KYRGYZ);

        HttpResponse<byte[]> markdown = gateway.download(editionPath + "?format=md");
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(new String(markdown.body(), StandardCharsets.UTF_8)).contains("## Киришүү").contains(KYRGYZ);

        HttpResponse<byte[]> pdf = gateway.download(editionPath + "?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).as("Kyrgyz letters out of the PDF").contains(KYRGYZ);
        }
    }

    @Test
    @Order(4)
    void aPublishedEditionNeverChanges() {
        String before = gateway.get(editionPath).raw();
        assertThat(gateway.put("/api/strategy/guide/sections/" + IFIS,
                "{\"title\":\"МФИ\",\"body\":\"Новый текст\"}").status()).isEqualTo(200);
        assertThat(gateway.get(editionPath).raw()).isEqualTo(before);
    }

    private void translateAndApprove(String key, int revision) {
        String base = "/api/strategy/guide/sections/" + key + "/translations/ky";
        String text = "{\"title\":\"Киришүү\",\"body\":\"" + KYRGYZ + "\",\"basedOnRevision\":" + revision + "}";
        assertThat(otherTranslator.put(base, text).status())
                .as("only the translators assigned to ky").isEqualTo(403);
        Answer draft = translator.put(base, text);
        assertThat(draft.status()).as(draft.raw()).isEqualTo(200);
        assertThat(translator.post(base + "/approve", null).status()).as("review is the coordinators'").isEqualTo(403);
        assertThat(translator.post(base + "/submit", null).body().get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(gateway.post(base + "/approve", null).body().get("status").asString()).isEqualTo("APPROVED");
    }

    private String kyrgyz() {
        Answer languages = gateway.get("/api/strategy/guide/languages");
        assertThat(languages.status()).isEqualTo(200);
        return languages.body().get("languages").valueStream()
                .filter(l -> l.get("language").asString().equals("ky")).findFirst().orElseThrow().toString();
    }
}
