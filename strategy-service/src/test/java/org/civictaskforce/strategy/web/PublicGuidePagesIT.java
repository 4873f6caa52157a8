package org.civictaskforce.strategy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.strategy.application.EditionStore;
import org.civictaskforce.strategy.domain.guide.Edition;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The public guide pages over HTTP without any token: seven languages, only published editions with their
 * downloads under /guide/<lang>/, validators and 304, the offline assets, nothing about a person, and the weight.
 * Editions are published through the API (a translator and the coordinator), once for the class.
 */
@ServiceTest(properties = "strategy.guide.source-language=ru")
class PublicGuidePagesIT {
    private static final String G = "/api/strategy/guide";
    private static final String TRANSLATOR_ID = "translator-ky-7f3a";
    private static final String TRANSLATOR = TestTokens.bearer(TRANSLATOR_ID, Role.TRANSLATOR);
    private static final String KYRGYZ = "Жарандык коом — ң ө ү Ң Ө Ү";
    private static boolean published;

    @LocalServerPort
    int port;
    @Autowired
    EditionStore editions;

    /** No Authorization header: a stranger's browser. */
    RestTestClient anonymous;

    @BeforeEach
    void publishTwoKyrgyzEditions() {
        anonymous = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        if (published) {
            return;
        }
        call("PUT", G + "/translators/ky/" + TRANSLATOR_ID, TestTokens.coordinator(), null, 200);
        call("POST", G + "/sections", TestTokens.coordinator(),
                Map.of("key", "intro", "title", "Введение", "body", "Строка один"), 201);
        call("PUT", G + "/sections/intro/translations/ky", TRANSLATOR,
                Map.of("title", "Киришүү", "body", KYRGYZ, "basedOnRevision", 1), 200);
        call("POST", G + "/sections/intro/translations/ky/submit", TRANSLATOR, null, 200);
        call("POST", G + "/sections/intro/translations/ky/approve", TestTokens.coordinator(), null, 200);
        call("POST", G + "/editions/ky", TestTokens.coordinator(), null, 201);
        call("POST", G + "/editions/ky", TestTokens.coordinator(), null, 201);
        // a snapshot whose publication did not complete (inserted, never recorded by the guide): not published
        editions.insert(new Edition("ifi-advocacy", "ky", 99, "ru", Instant.now(),
                List.of(new Edition.EditionSection("intro", "Жашыруун", "draft", 1))));
        published = true;
    }

    @ParameterizedTest
    @ValueSource(strings = { "kk", "ky", "tg", "tk", "uz", "ru", "en" })
    void eachOfTheSevenLanguagesHasItsPageInItsLanguageWithLinksToTheOthers(String lang) {
        String html = page("/guide/" + lang);
        String title = PublicGuideTexts.of(lang).get("page.title");
        assertThat(html).startsWith("<!doctype html>").contains("<html lang=\"" + lang + "\"")
                .contains("<title>" + title + "</title>").contains("<h1>" + title + "</h1>");
        for (String other : PublicGuideTexts.LANGUAGES) {
            assertThat(html).contains("<a href=\"/guide/" + other + "\" lang=\"" + other + "\" hreflang=\"" + other + "\"");
        }
        assertThat(html).contains("aria-current=\"page\">" + PublicGuideTexts.NAMES.get(lang) + "</a>");
        // no inline script or style (the gateway's CSP), no fonts or images to download
        assertThat(html).doesNotContain("<style", " style=", "<img", "@font-face", "onclick", "javascript:");
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(html).find()).isFalse();
        if (!lang.equals("ky")) {
            assertThat(html).contains("id=\"no-editions\"").doesNotContain("href=\"/guide/" + lang + "/1.");
        }
    }

    @Test
    void theKyrgyzPageListsOnlyThePublishedEditionsNewestFirstWithTheirFilesUnderGuideKy() {
        String html = page("/guide/ky");
        List<String> hrefs = new ArrayList<>();
        Matcher links = Pattern.compile("<a href=\"(/guide/ky/[^\"]+)\"").matcher(html);
        while (links.find()) {
            hrefs.add(links.group(1));
        }
        assertThat(hrefs).contains("/guide/ky/1.pdf", "/guide/ky/1.docx", "/guide/ky/1.html", "/guide/ky/1.md",
                "/guide/ky/2.pdf").noneMatch(h -> h.startsWith("/guide/ky/99"));
        assertThat(hrefs.indexOf("/guide/ky/2.pdf")).isLessThan(hrefs.indexOf("/guide/ky/1.pdf"));
        assertThat(html).contains("<h3 id=\"edition-1\">1-басылыш</h3>").doesNotContain("id=\"no-editions\"")
                .containsPattern("<time datetime=\"\\d{4}-\\d{2}-\\d{2}\">\\d{4}-ж\\., ")
                .containsPattern("PDF, \\d+ КБ</a>");

        // the unpublished snapshot cannot be downloaded either; unknown formats and languages are 404
        anonymous.get().uri("/guide/ky/99.pdf").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        anonymous.get().uri("/guide/ky/1.exe").exchange().expectStatus().isNotFound();
        anonymous.get().uri("/guide/de/1.pdf").exchange().expectStatus().isNotFound();
    }

    @Test
    void anEditionsFilesDownloadWithoutSignInAndMayBeKeptForever() {
        byte[] pdf = anonymous.get().uri("/guide/ky/1.pdf").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"guide-ky-1.pdf\"")
                .expectHeader().valueEquals("Cache-Control", "max-age=31536000, public, immutable")
                .expectHeader().exists("Last-Modified")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String markdown = anonymous.get().uri("/guide/ky/2.md").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(markdown).contains(KYRGYZ);
        // the size the page announces is the size that comes
        assertThat(page("/guide/ky")).contains("/guide/ky/1.pdf\" type=\"application/pdf\" download=\"guide-ky-1.pdf\">PDF, "
                + PublicGuidePage.size(PublicGuideTexts.of("ky"), pdf.length) + "</a>");
    }

    @Test
    void aPageCarriesValidatorsAnswers304WhenUnchangedAndChangesWithANewEdition() {
        var first = anonymous.get().uri("/guide/ky").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=300, public, stale-while-revalidate=86400")
                .expectHeader().exists("Last-Modified")
                .expectBody(String.class).returnResult();
        String etag = first.getResponseHeaders().getETag();
        assertThat(etag).startsWith("W/\"");

        anonymous.get().uri("/guide/ky").header("If-None-Match", etag).exchange().expectStatus().isNotModified()
                .expectBody().isEmpty();

        // a new edition: the old validator no longer matches, the page lists it
        call("POST", G + "/editions/ky", TestTokens.coordinator(), null, 201);
        String html = anonymous.get().uri("/guide/ky").header("If-None-Match", etag).exchange().expectStatus().isOk()
                .expectHeader().value("ETag", changed -> assertThat(changed).isNotEqualTo(etag))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("href=\"/guide/ky/3.pdf\"");
    }

    @Test
    void theChooserOffersTheBrowsersLanguageFirstAndAnUnknownLanguageIsA404PageOfferingTheSeven() {
        String kyrgyz = anonymous.get().uri("/guide").header("Accept-Language", "ky-KG, ru;q=0.8").exchange()
                .expectStatus().isOk().expectHeader().value("Vary", vary -> assertThat(vary).containsIgnoringCase("Accept-Language"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(kyrgyz).contains("<html lang=\"ky\"").contains("Браузериңиздин тилинде: <a href=\"/guide/ky\"");
        String english = page("/guide/");
        assertThat(english).contains("<html lang=\"en\"").doesNotContain("In your browser's language");
        assertThat(english).contains("<a href=\"/guide/tg\" lang=\"tg\" hreflang=\"tg\">Тоҷикӣ</a>");

        String unknown = anonymous.get().uri("/guide/de").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(unknown).contains("This language is not available").contains("<a href=\"/guide/uz\"");
    }

    @Test
    void nothingAboutAPersonIsOnThePagesAndNoCookieIsSet() {
        for (String path : List.of("/guide/ky", "/guide/", "/guide/ky/1.md", "/guide/ky/1.html")) {
            anonymous.get().uri(path).exchange().expectStatus().isOk()
                    .expectHeader().doesNotExist("Set-Cookie")
                    .expectHeader().valueEquals("Content-Security-Policy", PublicGuideController.CONTENT_SECURITY_POLICY)
                    .expectBody(String.class).value(body -> assertThat(body)
                            .doesNotContain(TRANSLATOR_ID, TestTokens.COORDINATOR_ID, "actorId", "changedBy"));
        }
    }

    @Test
    void theStylesheetScriptAndServiceWorkerAreServedForTheirScopeAndThePageStaysSmall() throws Exception {
        String html = page("/guide/ky");
        Matcher css = Pattern.compile("href=\"(/guide/guide\\.css\\?v=[0-9a-f]+)\"").matcher(html);
        Matcher js = Pattern.compile("src=\"(/guide/guide\\.js\\?v=[0-9a-f]+)\" defer").matcher(html);
        assertThat(css.find()).isTrue();
        assertThat(js.find()).isTrue();
        byte[] stylesheet = anonymous.get().uri(css.group(1)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css")
                .expectHeader().valueEquals("Cache-Control", "max-age=31536000, public, immutable")
                .expectBody(byte[].class).returnResult().getResponseBody();
        byte[] script = anonymous.get().uri(js.group(1)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectBody(byte[].class).returnResult().getResponseBody();
        String worker = anonymous.get().uri("/guide/sw.js").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(worker).contains("<p id=\"saved-copy\" class=\"saved\" hidden>");
        assertThat(html).contains("<p id=\"saved-copy\" class=\"saved\" hidden>");

        // what a first visit downloads, gzipped: the page with three editions, its stylesheet and script
        byte[] pageBytes = html.getBytes(StandardCharsets.UTF_8);
        int gzipped = gzip(pageBytes) + gzip(stylesheet) + gzip(script);
        System.out.printf("public guide page ky: html %d B (gzip %d), css %d B (gzip %d), js %d B (gzip %d); total gzip %d B%n",
                pageBytes.length, gzip(pageBytes), stylesheet.length, gzip(stylesheet), script.length, gzip(script),
                gzipped);
        assertThat(gzipped).as("one first round trip (~14 KB)").isLessThan(14_000);
    }

    private String page(String path) {
        return anonymous.get().uri(path).exchange().expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private void call(String method, String uri, String token, Object body, int status) {
        RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        var spec = client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                .header("Authorization", token);
        var response = body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
        response.expectStatus().isEqualTo(status);
    }

    private static int gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }
}
