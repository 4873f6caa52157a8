package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackSecrets;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import tools.jackson.databind.JsonNode;

/**
 * Journey 6 in real browsers, by the roles who do it: a Kyrgyz translator (her own phone, 360 px, the workspace in
 * Kyrgyz) translates a section and submits it; the coordinator (a desktop, in English) approves it and then changes
 * the source; the translator sees the section stale with the source's change marked, fixes it and submits again;
 * the coordinator approves and publishes the Kyrgyz edition; a fresh browser that never signed in downloads it from
 * the public guide page ({@code /guide/ky}).
 * The translator's person, role and assignment to Kyrgyz are set up through the API (journeys 1 and 2 show those
 * steps in the browser), as is the rest of the guide being approved in Kyrgyz so that an edition can be published.
 * axe-core checks every screen; screenshots go to {@code target/screenshots/guide-*.png}.
 */
class TranslatedGuideBrowserIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String KEY = "ky-journey-" + RUN;
    private static final String KYRGYZ = "Жарандык коом — ң ө ү";
    private static final String GUIDE = "/api/strategy/guide";

    private static Devstack stack;
    private static GatewayClient coordinator;
    private static GatewayClient translatorApi;
    private static String translatorId;

    @BeforeAll
    static void system() {
        WebBrowser.requireBrowser();
        stack = SystemUnderTest.stack();
        coordinator = SystemUnderTest.gateway();
        // the Kyrgyz translator: an active member with the translator role, assigned to ky by a coordinator
        Answer person = coordinator.post("/api/membership/people", """
                {"displayName":"Айгүл %1$s","fullName":"Айгүл Translator %1$s","email":"ky-translator.%1$s@example.org",\
                "country":"KG","preferredLanguage":"ky","timeZone":"Asia/Bishkek","roles":["TRANSLATOR"]}""".formatted(RUN));
        assertThat(person.status()).as(person.raw()).isEqualTo(201);
        translatorId = person.body().get("id").asString();
        assertThat(coordinator.post("/api/membership/people/" + translatorId + "/invitations", null).status()).isEqualTo(201);
        GatewayClient self = coordinator.as(translatorId);
        assertThat(self.post("/api/membership/people/" + translatorId + "/invitation/accept", null).status()).isEqualTo(200);
        assertThat(self.post("/api/membership/people/" + translatorId + "/consent",
                "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}").status()).isEqualTo(200);
        assertThat(coordinator.post("/api/membership/people/" + translatorId + "/activate", null).status()).isEqualTo(200);
        assertThat(coordinator.put(GUIDE + "/translators/ky/" + translatorId, null).status()).isEqualTo(200);
        // waits until her sign-in carries the translator role (identity follows membership's events)
        translatorApi = coordinator.as(translatorId, Role.TRANSLATOR);

        // the rest of the guide (other journeys' sections) approved in Kyrgyz, so that only this journey's section
        // stands between Kyrgyz and its next edition; then this journey's section, in Russian
        approveEverySectionInKyrgyz();
        Answer added = coordinator.post(GUIDE + "/sections", """
                {"key":"%s","title":"Введение %s","body":"Строка один\\nСтрока два"}""".formatted(KEY, RUN));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
    }

    @Test
    void aKyrgyzTranslatorTranslatesTheSourceChangesTheFixIsApprovedAndTheEditionIsDownloadedWithoutSigningIn()
            throws Exception {
        String[] credentials = SystemUnderTest.identities().credentials(translatorId);
        By section = By.id("section-" + KEY);
        By translationBody = By.id("translation-" + KEY + "-body");
        try (WebBrowser t = WebBrowser.open(stack.gatewayUrl() + "/", "ky,ru", 360);
                WebBrowser c = WebBrowser.open(stack.gatewayUrl() + "/", "en", 1280)) {
            // the translator, on her phone, in Kyrgyz: her language, then the section beside its source
            t.signIn(credentials[0], credentials[1]);
            t.area("guide");
            t.visible(By.cssSelector("#my-languages a[href='#/guide/ky']"));
            t.assertAccessible("guide overview, translator");
            t.click(By.cssSelector("#my-languages a[href='#/guide/ky']"));
            t.visible(section);
            t.waitFor(ExpectedConditions.textToBePresentInElementLocated(section, "Котормо жок"));
            assertThat(t.visible(By.cssSelector("#section-" + KEY + " .guide-text")).getDomAttribute("lang")).isEqualTo("ru");
            assertThat(t.visible(translationBody).getDomAttribute("lang")).isEqualTo("ky");
            t.type(By.id("translation-" + KEY + "-title"), "Киришүү");
            t.type(translationBody, "Сап бир\n" + KYRGYZ);
            t.assertAccessible("workspace, translator writing");
            onThePhone(t, "workspace, translator writing");
            t.screenshot("guide-ky-360-translate");
            t.click(inSection("button", "Долбоорду сактоо"));
            t.click(inSection("button", "Текшерүүгө жөнөтүү"));
            t.waitFor(ExpectedConditions.textToBePresentInElementLocated(section, "Текшерүүдө"));
            assertThat(kyStatus()).isEqualTo("IN_REVIEW");

            // the coordinator approves it
            c.signIn(DevstackSecrets.BOOTSTRAP_USERNAME, stack.secrets().bootstrapPassword());
            c.area("guide/ky");
            c.visible(inSection("button", "Approve"));
            c.assertAccessible("workspace, coordinator reviewing");
            c.screenshot("guide-coordinator-review");
            c.click(inSection("button", "Approve"));
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(section, "Approved."));
            assertThat(kyStatus()).isEqualTo("APPROVED");

            // … and changes the source: the Kyrgyz translation turns stale
            c.area("guide");
            c.visible(By.id("completeness-table"));
            c.click(By.cssSelector("#source-" + KEY + " summary"));
            c.type(By.id("source-" + KEY + "-body"), "Строка один\nСтрока 2 — новые сроки");
            c.assertAccessible("guide overview, coordinator editing the source");
            c.click(By.xpath("//*[@id='source-" + KEY + "']//button[normalize-space()='Save the source']"));
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("source-" + KEY), "Saved as revision 2."));
            assertThat(kyStatus()).isEqualTo("STALE");

            // the translator sees the section stale, the change marked (words for screen readers), and fixes it
            t.driver().navigate().refresh();
            t.waitFor(ExpectedConditions.textToBePresentInElementLocated(section, "Эскирди"));
            By removed = By.cssSelector("#section-" + KEY + " .guide-diff del");
            By inserted = By.cssSelector("#section-" + KEY + " .guide-diff ins");
            assertThat(t.visible(removed).getText()).contains("Строка два");
            assertThat(t.visible(inserted).getText()).contains("Строка 2 — новые сроки");
            assertThat(String.valueOf(t.script("return arguments[0].textContent", t.visible(removed))))
                    .startsWith("Өчүрүлдү:");
            assertThat(String.valueOf(t.script("return arguments[0].textContent", t.visible(inserted))))
                    .startsWith("Кошулду:");
            t.assertAccessible("workspace, a stale section");
            onThePhone(t, "workspace, a stale section");
            t.screenshot("guide-ky-360-stale");
            t.waitFor(d -> d.findElement(translationBody).getDomProperty("value").contains(KYRGYZ));
            t.type(translationBody, "Сап бир\n" + KYRGYZ + "\nСап 2 — жаңы мөөнөттөр");
            t.click(inSection("button", "Долбоорду сактоо"));
            t.click(inSection("button", "Текшерүүгө жөнөтүү"));
            t.waitFor(ExpectedConditions.textToBePresentInElementLocated(section, "Текшерүүдө"));
            assertThat(t.driver().findElements(By.cssSelector("#section-" + KEY + " .guide-diff"))).isEmpty();
            assertThat(kyStatus()).isEqualTo("IN_REVIEW");

            // the coordinator approves the fix and publishes the Kyrgyz edition
            c.area("guide/ky");
            c.click(inSection("button", "Approve"));
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(section, "Approved."));
            c.area("guide");
            By publish = By.xpath("//*[@id='language-ky']//button[starts-with(normalize-space(), 'Publish the next edition')]");
            c.visible(publish);
            c.assertAccessible("guide overview, ready to publish");
            c.screenshot("guide-coordinator-overview");
            int before = lastKyEdition();
            c.click(publish);
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("completeness"),
                    "Edition " + (before + 1) + " is published."));
            int edition = lastKyEdition();
            assertThat(edition).isEqualTo(before + 1);
            c.visible(By.cssSelector("#language-ky a[href='/api/strategy/guide/editions/ky/" + edition + "?format=pdf']"));
            c.assertAccessible("guide overview, published");
        }

        // anyone, never signed in: a fresh browser opens the public Kyrgyz guide page and downloads the edition
        int edition = lastKyEdition();
        try (WebBrowser anyone = WebBrowser.open(stack.gatewayUrl() + "/guide/ky", "ky,ru", 360)) {
            By link = By.cssSelector("a[href='/guide/ky/" + edition + ".html']");
            anyone.visible(link);
            assertThat(anyone.driver().findElements(By.cssSelector("a[href^='/guide/ky/" + edition + ".']")))
                    .as("the edition's downloads").hasSizeGreaterThanOrEqualTo(2);
            anyone.assertAccessible("public guide page, ky, never signed in");
            anyone.screenshot("guide-public-ky-360-published");
            Map<?, ?> download = downloadWithoutSession(anyone, anyone.visible(link).getDomAttribute("href"));
            assertThat(download.get("status")).isEqualTo(200L);
            assertThat(String.valueOf(download.get("text"))).contains(KYRGYZ).contains("Сап 2 — жаңы мөөнөттөр");
        }
    }

    /** Fetches a path from the page without cookies (the browser has no session anyway): status, headers, text. */
    private static Map<?, ?> downloadWithoutSession(WebBrowser browser, String path) {
        return (Map<?, ?>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'omit' })
                  .then(async r => done({ status: r.status, disposition: r.headers.get('Content-Disposition'),
                      text: await r.text() }))
                  .catch(e => done({ status: -1, text: String(e) }));""", path);
    }

    private static By inSection(String tag, String text) {
        return By.xpath("//*[@id='section-" + KEY + "']//" + tag + "[normalize-space()=" + WebBrowser.xpathLiteral(text) + "]");
    }

    private static String kyStatus() {
        Answer guide = coordinator.get(GUIDE);
        for (JsonNode s : guide.body().get("sections")) {
            if (s.get("key").asString().equals(KEY)) {
                return s.get("translations").get("ky").get("status").asString();
            }
        }
        throw new AssertionError("no section " + KEY);
    }

    private static int lastKyEdition() {
        for (JsonNode l : coordinator.get(GUIDE + "/languages").body().get("languages")) {
            if (l.get("language").asString().equals("ky")) {
                return l.get("lastEdition").asInt();
            }
        }
        throw new AssertionError("no ky");
    }

    /** Setup: every section of the shared guide approved in Kyrgyz, translated by this journey's translator. */
    private static void approveEverySectionInKyrgyz() {
        for (JsonNode s : coordinator.get(GUIDE).body().get("sections")) {
            String status = s.get("translations").get("ky").get("status").asString();
            String base = GUIDE + "/sections/" + s.get("key").asString() + "/translations/ky";
            if (status.equals("APPROVED")) {
                continue;
            }
            if (!status.equals("IN_REVIEW")) {
                Answer draft = translatorApi.put(base, "{\"title\":\"Бөлүм\",\"body\":\"" + KYRGYZ
                        + "\",\"basedOnRevision\":" + s.get("revision").asInt() + "}");
                assertThat(draft.status()).as(draft.raw()).isEqualTo(200);
                assertThat(translatorApi.post(base + "/submit", null).status()).isEqualTo(200);
            }
            assertThat(coordinator.post(base + "/approve", null).status()).isEqualTo(200);
        }
    }

    private static void onThePhone(WebBrowser browser, String screen) {
        browser.assertFitsWidth(screen);
        browser.assertTouchTargets(screen);
    }
}
