package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * Journey 6's last step in a real browser: a stranger with no session opens the Kyrgyz guide page on a 360 px phone,
 * downloads the edition a coordinator published through the API, and can still read the page when the way to the
 * server is refused (the service worker's saved copy, marked as such). The browser reaches the gateway through a
 * small forwarding proxy owned by this test, so "the gateway refuses" (503) and "no connection" can be switched on
 * without stopping the shared system.
 */
class PublicGuideBrowserIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String KYRGYZ = "Жарандык коом — ң ө ү";

    private static Devstack stack;
    private static int edition;

    @BeforeAll
    static void publishAKyrgyzEdition() {
        WebBrowser.requireBrowser();
        stack = SystemUnderTest.stack();
        GatewayClient coordinator = SystemUnderTest.gateway();
        Answer person = coordinator.post("/api/membership/people", """
                {"displayName":"Public guide","fullName":"Public Guidetest %1$s","email":"public.%1$s@example.org",\
                "country":"KG","preferredLanguage":"ky","timeZone":"Asia/Bishkek","roles":["TRANSLATOR"]}"""
                .formatted(RUN));
        assertThat(person.status()).as(person.raw()).isEqualTo(201);
        String id = person.body().get("id").asString();
        assertThat(coordinator.post("/api/membership/people/" + id + "/invitations", null).status()).isEqualTo(201);
        assertThat(coordinator.as(id).post("/api/membership/people/" + id + "/invitation/accept", null).status())
                .isEqualTo(200);
        assertThat(coordinator.as(id).post("/api/membership/people/" + id + "/consent",
                "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}").status()).isEqualTo(200);
        assertThat(coordinator.post("/api/membership/people/" + id + "/activate", null).status()).isEqualTo(200);
        assertThat(coordinator.put("/api/strategy/guide/translators/ky/" + id, null).status()).isEqualTo(200);
        GatewayClient translator = coordinator.as(id, Role.TRANSLATOR);

        String key = "public-" + RUN;
        assertThat(coordinator.post("/api/strategy/guide/sections",
                "{\"key\":\"" + key + "\",\"title\":\"Введение\",\"body\":\"Строка один\"}").status()).isEqualTo(201);
        // every section of the shared guide (other journeys add theirs) must be approved in Kyrgyz to publish
        for (JsonNode section : coordinator.get("/api/strategy/guide").body().get("sections")) {
            JsonNode ky = section.path("translations").path("ky");
            if (!ky.path("status").asString("").equals("APPROVED")) {
                String path = "/api/strategy/guide/sections/" + section.get("key").asString() + "/translations/ky";
                Answer draft = translator.put(path, "{\"title\":\"Киришүү\",\"body\":\"" + KYRGYZ
                        + "\",\"basedOnRevision\":" + section.get("revision").asInt() + "}");
                assertThat(draft.status()).as(draft.raw()).isEqualTo(200);
                assertThat(translator.post(path + "/submit", null).status()).isEqualTo(200);
                assertThat(coordinator.post(path + "/approve", null).status()).isEqualTo(200);
            }
        }
        Answer published = coordinator.post("/api/strategy/guide/editions/ky", null);
        assertThat(published.status()).as(published.raw()).isEqualTo(201);
        edition = published.body().get("number").asInt();
    }

    @Test
    void aStrangerOnAPhoneReadsTheKyrgyzPageDownloadsTheEditionAndStillReadsThePageWhenTheServerRefuses()
            throws Exception {
        try (RefusingProxy proxy = RefusingProxy.to(stack.gatewayUrl());
                WebBrowser browser = WebBrowser.open(proxy.url() + "/guide/ky", "ky,ru", 360)) {
            browser.waitFor(ExpectedConditions.textToBe(By.tagName("h1"),
                    "Эл аралык финансы институттарындагы адвокация боюнча маалыматтык колдонмо"));
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("ky");
            String pdf = "/guide/ky/" + edition + ".pdf";
            browser.visible(By.cssSelector("#editions a[href='" + pdf + "']"));
            assertThat(browser.script("return [...document.querySelectorAll('#editions a')]"
                    + ".every(a => a.getAttribute('href').startsWith('/guide/ky/'))")).isEqualTo(true);
            assertThat(browser.driver().findElement(By.id("saved-copy")).isDisplayed()).isFalse();
            browser.assertAccessible("public guide, ky");
            browser.assertFitsWidth("public guide, ky");
            browser.assertTouchTargets("public guide, ky");

            // the service worker took the page in: said in a line on the page
            browser.visible(By.id("offline-ready"));
            waitUntil(browser, "navigator.serviceWorker.controller !== null");
            waitUntil(browser, "caches.open('guide-pages-v1').then(c => c.match('/guide/ky')).then(r => !!r)");
            browser.screenshot("public-guide-ky-360");

            // the edition downloads from the page (through the worker, which keeps it)
            assertThat(fetchFromPage(browser, pdf)).isEqualTo("200 application/pdf %PDF-");

            // the way to the server refuses (as a gateway whose service is down): the saved copy, marked
            proxy.refuse(true);
            browser.driver().navigate().refresh();
            browser.visible(By.id("saved-copy"));
            assertThat(browser.visible(By.tagName("h1")).getText()).contains("маалыматтык колдонмо");
            assertThat(browser.texts(By.cssSelector("#editions a"))).anyMatch(text -> text.startsWith("PDF, "));
            assertThat(fetchFromPage(browser, pdf)).as("a downloaded edition stays readable")
                    .isEqualTo("200 application/pdf %PDF-");
            browser.assertAccessible("public guide, ky, saved copy");
            browser.screenshot("public-guide-ky-360-saved-copy");

            // and with no connection at all
            proxy.close();
            browser.driver().navigate().refresh();
            browser.visible(By.id("saved-copy"));
            assertThat(browser.visible(By.tagName("h1")).getText()).contains("маалыматтык колдонмо");
        }
    }

    @Test
    void theLanguageChooserOffersTheBrowsersLanguageAndTheSevenInTheirOwnNames() {
        try (WebBrowser browser = WebBrowser.open(stack.gatewayUrl() + "/guide/", "tg,ru", 1280)) {
            browser.waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Дастури иттилоотӣ: забонро интихоб кунед"));
            assertThat(browser.texts(By.cssSelector("#languages a"))).containsExactly("English", "Русский", "Қазақша",
                    "Кыргызча", "Тоҷикӣ", "Türkmençe", "Oʻzbekcha");
            browser.assertAccessible("public guide, chooser");
            browser.screenshot("public-guide-chooser-1280");
            browser.click(By.cssSelector("#languages a[hreflang='ky']"));
            browser.waitFor(ExpectedConditions.urlContains("/guide/ky"));
            browser.visible(By.cssSelector("#editions a[href='/guide/ky/" + edition + ".pdf']"));
        }
    }

    /** What a first visit to the Kyrgyz page costs on the wire, through the gateway, gzipped as a browser accepts. */
    @Test
    void thePageItsStylesheetAndScriptWeighAFewKilobytesOnTheWire() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String page = stack.gatewayUrl() + "/guide/ky";
        HttpResponse<byte[]> html = gzipped(http, page);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(html.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(html.headers().firstValue("Cache-Control")).hasValue("max-age=300, public, stale-while-revalidate=86400");
        String text = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(html.body()))
                .readAllBytes(), StandardCharsets.UTF_8);
        java.util.regex.Matcher css = java.util.regex.Pattern.compile("href=\"(/guide/guide\\.css\\?v=\\w+)\"").matcher(text);
        java.util.regex.Matcher js = java.util.regex.Pattern.compile("src=\"(/guide/guide\\.js\\?v=\\w+)\"").matcher(text);
        assertThat(css.find() && js.find()).isTrue();
        HttpResponse<byte[]> stylesheet = gzipped(http, stack.gatewayUrl() + css.group(1));
        HttpResponse<byte[]> script = gzipped(http, stack.gatewayUrl() + js.group(1));
        int total = html.body().length + stylesheet.body().length + script.body().length;
        System.out.printf("public guide /guide/ky on the wire: page %d B (%d B unzipped, %d editions), css %d B (%s), "
                + "js %d B (%s): %d B%n", html.body().length, text.length(), text.split("<h3 ").length - 1,
                stylesheet.body().length, stylesheet.headers().firstValue("Content-Encoding").orElse("identity"),
                script.body().length, script.headers().firstValue("Content-Encoding").orElse("identity"), total);
        assertThat(total).as("fits the first round trip of a new connection (~14 KB)").isLessThan(14_000);

        // a revalidation costs a 304 and no body
        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create(page))
                .header("If-None-Match", html.headers().firstValue("ETag").orElseThrow()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    private static HttpResponse<byte[]> gzipped(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Waits until the (possibly promised) value of the expression in the page is true. */
    private static void waitUntil(WebBrowser browser, String expression) {
        browser.waitFor(driver -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "Promise.resolve().then(() => " + expression + ").then(v => done(v === true), () => done(false));"))
                ? Boolean.TRUE : null);
    }

    /** "status type first-5-bytes" of a GET made by the page (so through its service worker). */
    private static String fetchFromPage(WebBrowser browser, String path) {
        Object result = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer()).slice(0, 5);
                  done(r.status + ' ' + (r.headers.get('Content-Type') || '') + ' ' + String.fromCharCode(...bytes));
                }).catch(e => done('failed: ' + e));
                """, path);
        return String.valueOf(result);
    }

    /**
     * Forwards GETs from 127.0.0.1 to the gateway (headers as they came, less hop-by-hop ones), until told to
     * refuse (503, as the gateway answers for a service that is down) or closed (no connection at all).
     */
    static final class RefusingProxy implements AutoCloseable {
        private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "keep-alive",
                "transfer-encoding", "upgrade", "te", "trailer", "expect", "http2-settings");
        private final HttpServer server;
        private final String target;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private volatile boolean refusing;
        private boolean closed;

        private RefusingProxy(String target) throws IOException {
            this.target = target.replaceAll("/+$", "");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", this::forward);
            server.start();
        }

        static RefusingProxy to(String gatewayUrl) throws IOException {
            return new RefusingProxy(gatewayUrl);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void refuse(boolean refuse) {
            refusing = refuse;
        }

        private void forward(HttpExchange exchange) throws IOException {
            try (exchange; InputStream ignored = exchange.getRequestBody()) {
                if (refusing || !exchange.getRequestMethod().equals("GET")) {
                    byte[] body = "{\"status\":503}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                    exchange.sendResponseHeaders(503, body.length);
                    exchange.getResponseBody().write(body);
                    return;
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                        .timeout(Duration.ofSeconds(60)).GET();
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                        values.forEach(value -> request.header(name, value));
                    }
                });
                HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
                    if (!HOP_BY_HOP.contains(header.getKey().toLowerCase()) && !header.getKey().startsWith(":")) {
                        exchange.getResponseHeaders().put(header.getKey(), header.getValue());
                    }
                }
                byte[] body = answer.body();
                boolean empty = body.length == 0 || answer.statusCode() == 304;
                exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : body.length);
                if (!empty) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                server.stop(0);
            }
        }
    }
}
