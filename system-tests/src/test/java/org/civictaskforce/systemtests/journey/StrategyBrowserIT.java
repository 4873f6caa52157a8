package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackSecrets;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import tools.jackson.databind.JsonNode;

/**
 * The strategy in the browser (issue 14), by the roles who do it: the coordinator, in Russian on a 1280 px desktop,
 * starts a draft and writes its context in Markdown (the preview draws it as typed, a javascript: link stays text),
 * adopts it after a consultation round, starts the next draft from it and rewrites the context, compares the two
 * versions word by word, adds an action with an owner and a due date, an indicator, a risk of reprisal and evidence
 * picked from an accepted research finding, and adopts that version, which then offers no edit control (and the
 * service refuses an edit). A member then reads the adopted version on a 360 px phone. axe-core checks every screen.
 *
 * <p>Set up through the API, because the journey is not about them: the expert, their accepted finding, the member,
 * and the consultation rounds (journey 5's own browser test opens rounds in the browser). The strategy service holds
 * one draft at a time and adopts a version only after a round on it has closed, so "making a version" here is
 * adopting the draft and starting the next one from it.
 */
class StrategyBrowserIT {
    private static final String ZONE = "Asia/Almaty";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String FINDING_STATEMENT = "ЕБРР публикует планы взаимодействия с заинтересованными сторонами " + RUN;

    private static Devstack stack;
    private static GatewayClient coordinator;

    @BeforeAll
    static void system() {
        WebBrowser.requireBrowser();
        stack = SystemUnderTest.stack();
        coordinator = SystemUnderTest.gateway();
    }

    @Test
    void theCoordinatorWritesComparesAndAdoptsTheStrategyAndAMemberReadsItOnAPhone() {
        String expert = Members.activeExpert(coordinator, "Стратег " + RUN, "KZ", ZONE);
        String finding = acceptedFinding(expert);
        String member = activeMember();
        // another journey may have left a draft open: it is consulted on and adopted, so that a draft can start here
        adoptOpenDraft();

        int first;
        int second;
        try (WebBrowser c = WebBrowser.open(stack.gatewayUrl() + "/", "ru,en", 1280)) {
            c.signIn(DevstackSecrets.BOOTSTRAP_USERNAME, stack.secrets().bootstrapPassword());
            open(c, "strategy", By.id("strategy-versions"));
            c.assertAccessible("strategy: the versions");

            // a new draft, its context in Markdown with the preview drawn as it is typed
            c.click(By.id("start-draft"));
            first = versionInUrl(c);
            c.visible(By.id("version-draft"));
            c.click(By.id("edit-context"));
            c.type(By.id("context-text"), "# Гражданское пространство\n\nМФИ **консультируются** с обществом в трёх странах. "
                    + "[Ссылка](javascript:alert(1))\n\n- бюджеты\n- участие");
            c.waitFor(ExpectedConditions.textToBe(By.cssSelector("#context-preview h4"), "Гражданское пространство"));
            assertThat(c.visible(By.cssSelector("#context-preview strong")).getText()).isEqualTo("консультируются");
            assertThat(c.texts(By.cssSelector("#context-preview li"))).containsExactly("бюджеты", "участие");
            assertThat(c.driver().findElements(By.cssSelector("#context-preview a"))).as("a javascript: link stays text")
                    .isEmpty();
            assertThat(c.visible(By.id("context-preview")).getText()).contains("Ссылка");
            c.assertAccessible("strategy: the section editor with its preview");
            c.screenshot("strategy-editor");
            save(c, "context");
            c.waitFor(ExpectedConditions.textToBe(By.cssSelector("#section-context h3"), "Гражданское пространство"));

            // the first version is adopted after a consultation round on it has closed
            consultAndWaitForTheClose(first, expert);
            adoptInTheBrowser(c);

            // the next draft, copied from it, and the context changed
            c.area("strategy");
            c.click(By.id("start-draft"));
            second = versionInUrl(c);
            assertThat(second).isEqualTo(first + 1);
            c.visible(By.id("version-draft"));
            c.click(By.id("edit-context"));
            c.type(By.id("context-text"), "# Гражданское пространство\n\nМФИ **консультируются** с обществом в четырёх "
                    + "странах Центральной Азии.\n\n- бюджеты\n- участие");
            save(c, "context");
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("section-context"), "Центральной Азии"));

            // the two versions compared, word by word
            c.area("strategy");
            c.choose(By.id("compare-from"), String.valueOf(first));
            c.choose(By.id("compare-to"), String.valueOf(second));
            c.click(By.cssSelector("#strategy-compare-form button[type=submit]"));
            c.visible(By.cssSelector("#strategy-diff del"));
            assertThat(String.join(" ", c.texts(By.cssSelector("#strategy-diff del")))).contains("трёх");
            assertThat(String.join(" ", c.texts(By.cssSelector("#strategy-diff ins")))).contains("четырёх")
                    .contains("Центральной");
            // the marks are words too, for screen readers (hidden from the eye, present in the page)
            assertThat(c.driver().findElement(By.cssSelector("#strategy-diff del .visually-hidden"))
                    .getDomProperty("textContent")).isEqualTo("удалено: ");
            c.assertAccessible("strategy: two versions compared");
            c.screenshot("strategy-compare");

            // an action, an indicator, a risk of reprisal and evidence on the new draft
            c.area("strategy/" + second);
            c.type(By.id("action-text"), "Провести брифинг для ЕБРР");
            c.choose(By.id("action-owner"), expert);
            setValue(c, By.id("action-due"), LocalDate.now().plusMonths(3).toString());
            c.choose(By.id("action-status"), "IN_PROGRESS");
            c.click(By.cssSelector("#action-form button[type=submit]"));
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("strategy-actions"), "Провести брифинг для ЕБРР"));
            assertThat(c.visible(By.id("strategy-actions")).getText()).contains("Стратег " + RUN);

            c.click(By.id("edit-indicators"));
            c.type(By.id("indicators-text"), "Организации из четырёх стран прокомментировали проект");
            save(c, "indicators");
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("section-indicators"),
                    "Организации из четырёх стран"));

            c.type(By.id("risk-description"), "Власти узнают, кто комментировал");
            c.type(By.id("risk-mitigation"), "Комментарии без имён");
            c.click(By.id("risk-reprisal"));
            c.click(By.cssSelector("#risk-form button[type=submit]"));
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("strategy-risks"), "Власти узнают"));
            assertThat(c.visible(By.cssSelector("#strategy-risks .reprisal-flag")).getText()).containsIgnoringCase("Риск преследования");
            assertThat(c.visible(By.id("reprisal-explanation")).getText()).contains("никогда не публикуются");

            c.click(By.id("choose-evidence"));
            c.click(By.id("evidence-" + finding));
            c.assertAccessible("strategy: evidence chosen from accepted findings");
            c.click(By.cssSelector("#evidence-form button[type=submit]"));
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("strategy-evidence"), FINDING_STATEMENT));
            c.assertAccessible("strategy: a draft with actions, indicators, risks and evidence");
            c.screenshot("strategy-draft");

            JsonNode saved = coordinator.get("/api/strategy/versions/" + second).body().get("content");
            assertThat(saved.get("actions").get(0).get("ownerId").asString()).isEqualTo(expert);
            assertThat(saved.get("actions").get(0).get("status").asString()).isEqualTo("IN_PROGRESS");
            assertThat(saved.get("risks").get(0).get("reprisal").asBoolean()).isTrue();
            assertThat(saved.get("evidence").get(0).asString()).isEqualTo(finding);
            assertThat(saved.get("context").asString()).contains("**консультируются**");

            // adopted: read-only in the page, and the service refuses an edit anyway
            consultAndWaitForTheClose(second, expert);
            adoptInTheBrowser(c);
            for (String control : new String[] {"edit-context", "edit-indicators", "action-form", "risk-form",
                    "choose-evidence", "adopt-version"}) {
                assertThat(c.driver().findElements(By.id(control))).as(control + " after adoption").isEmpty();
            }
            assertThat(c.driver().findElements(By.cssSelector("#main button.danger, #main textarea, #main select")))
                    .as("no control to change an adopted version").isEmpty();
            assertThat(coordinator.put("/api/strategy/versions/" + second, "{\"content\":{\"context\":\"changed\"}}").status())
                    .isEqualTo(409);
            c.assertAccessible("strategy: an adopted version");
            c.screenshot("strategy-adopted");
        }

        // a member reads it on their phone
        String[] credentials = SystemUnderTest.identities().credentials(member);
        try (WebBrowser m = WebBrowser.open(stack.gatewayUrl() + "/", "ru,en", 360)) {
            m.signIn(credentials[0], credentials[1]);
            open(m, "strategy", By.id("strategy-versions"));
            assertThat(m.driver().findElements(By.id("start-draft"))).as("members start no draft").isEmpty();
            m.assertAccessible("strategy on a phone: the versions");
            m.assertFitsWidth("strategy on a phone: the versions");
            m.assertTouchTargets("strategy on a phone: the versions");
            m.click(By.cssSelector("#strategy-versions a[href='#/strategy/" + second + "']"));
            m.visible(By.id("version-read-only"));
            m.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("strategy-evidence"), FINDING_STATEMENT));
            assertThat(m.visible(By.cssSelector("#strategy-risks .reprisal-flag")).isDisplayed()).isTrue();
            assertThat(m.visible(By.id("strategy-actions")).getText()).contains("Провести брифинг для ЕБРР");
            assertThat(m.driver().findElements(By.cssSelector("#main button"))).as("nothing to change for a member").isEmpty();
            m.assertAccessible("strategy on a phone: an adopted version");
            m.assertFitsWidth("strategy on a phone: an adopted version");
            m.assertTouchTargets("strategy on a phone: an adopted version");
            m.screenshot("strategy-member-phone");
        }
    }

    /**
     * Opens {@code #/hash} and waits for {@code shown}; if it never shows, the failure lists what the page fetched
     * (resource timing) and the service worker's state, which the page's text alone does not tell.
     */
    private static void open(WebBrowser browser, String hash, By shown) {
        // Twice (of five runs) the area stayed at the shell's "loading" for 30 s when opened right after signing in,
        // while the service worker installed on the first page was still taking over; waiting for it to control the
        // page first (bounded, not required) is a workaround: the cause is in the shell, see the report.
        try {
            await().atMost(WebBrowser.WAIT).pollInterval(Duration.ofMillis(250)).until(() -> Boolean.TRUE.equals(
                    browser.script("return !!(navigator.serviceWorker && navigator.serviceWorker.controller);")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // no service worker in charge: the page works without one
        }
        browser.area(hash);
        String first = shownOrState(browser, shown);
        if (first == null) {
            return;
        }
        // Seen once more in CI after the wait for the worker above was added: the area's chunk and its messages loaded, but one module it imports
        // (e.g. assets/zones-*.js) never finished, so the shell stayed at "loading". A person reloads; so does the
        // test, once, and the first state goes to the output so that the cause can still be looked for.
        System.out.println("#/" + hash + " did not show " + shown + " in " + WebBrowser.WAIT.toSeconds()
                + " s, reloading once; " + first);
        browser.driver().navigate().refresh();
        String second = shownOrState(browser, shown);
        if (second != null) {
            throw new AssertionError("#/" + hash + " never showed " + shown + ", not even after a reload: before " + first
                    + "; after " + second);
        }
    }

    /** Null once {@code shown} is on the page; else, after the wait, what the page fetched and shows. */
    private static String shownOrState(WebBrowser browser, By shown) {
        try {
            await().atMost(WebBrowser.WAIT).pollInterval(Duration.ofMillis(250))
                    .until(() -> !browser.driver().findElements(shown).isEmpty());
            return null;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            browser.screenshot("failure-strategy-" + System.currentTimeMillis());
            return String.valueOf(browser.script("return JSON.stringify({ controller: !!(navigator.serviceWorker"
                    + " && navigator.serviceWorker.controller), resources: performance.getEntriesByType('resource')"
                    + ".slice(-40).map(r => r.name.replace(location.origin, '') + ' ' + Math.round(r.duration) + 'ms '"
                    + " + (r.responseStatus ?? '')), main: (document.querySelector('main') || document.body)"
                    + ".innerText.slice(0, 300) });"));
        }
    }

    /** Saves the open section editor and waits until it has closed. */
    private static void save(WebBrowser browser, String section) {
        browser.click(By.cssSelector("#section-editor-" + section + " button[type=submit]"));
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("section-editor-" + section)));
    }

    /** The adopt button and its confirmation; then the page says the version is read-only. */
    private static void adoptInTheBrowser(WebBrowser browser) {
        browser.driver().navigate().refresh();
        browser.click(By.id("adopt-version"));
        browser.visible(By.id("adopt-confirm"));
        browser.assertAccessible("strategy: confirm the adoption");
        browser.click(By.id("adopt-confirm"));
        WebElement readOnly = browser.visible(By.id("version-read-only"));
        assertThat(readOnly.getText()).contains("доступна только для чтения");
    }

    private static int versionInUrl(WebBrowser browser) {
        String hash = browser.waitFor(d -> d.getCurrentUrl().matches(".*#/strategy/\\d+$") ? d.getCurrentUrl() : null);
        return Integer.parseInt(hash.replaceAll(".*#/strategy/", ""));
    }

    /** A date input takes its value as the browser's own picker would set it (typing depends on the locale). */
    private static void setValue(WebBrowser browser, By field, String value) {
        browser.script("""
                const el = arguments[0];
                el.value = arguments[1];
                el.dispatchEvent(new Event('input', { bubbles: true }));""", browser.visible(field), value);
    }

    /** A round on the version, its deadline a few seconds ahead, closed by the service's clock. */
    private static void consultAndWaitForTheClose(int version, String invitee) {
        LocalDateTime deadline = LocalDateTime.now(ZoneId.of(ZONE)).plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        Answer opened = coordinator.post("/api/strategy/consultations", """
                {"subjectKind":"STRATEGY_VERSION","subjectRef":"%d","deadline":"%s","timeZone":"%s","invitedPeople":["%s"]}"""
                .formatted(version, deadline, ZONE, invitee));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String round = opened.body().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "CLOSED".equals(coordinator.get("/api/strategy/consultations/" + round).body().get("status").asString()));
    }

    private static void adoptOpenDraft() {
        // a JSON array: read from the raw answer (Answer.body holds objects)
        JsonNode versions = GatewayClient.JSON.readTree(coordinator.get("/api/strategy/versions").raw());
        if (versions.size() > 0 && "DRAFT".equals(versions.get(versions.size() - 1).get("status").asString())) {
            int open = versions.get(versions.size() - 1).get("version").asInt();
            consultAndWaitForTheClose(open, coordinator.coordinatorSubject());
            Answer adopted = coordinator.post("/api/strategy/versions/" + open + "/adopt", null);
            assertThat(adopted.status()).as(adopted.raw()).isEqualTo(200);
        }
    }

    /** An assignment for the expert, their finding, accepted by the coordinator; strategy then offers it as evidence. */
    private static String acceptedFinding(String expert) {
        String body = """
                {"expertId":"%s","country":"KZ","institutionId":"ebrd","strand":"STANDARDS_AND_RULES","dueDate":"%s"}"""
                .formatted(expert, LocalDate.now().plusDays(30));
        // research learns that they are an active expert from membership's events
        await().atMost(Duration.ofSeconds(30)).until(() -> coordinator.post("/api/research/assignments", body).status() == 201);
        GatewayClient self = coordinator.as(expert, Role.EXPERT);
        String assignment = null;
        for (JsonNode a : self.get("/api/research/assignments").body().get("content")) {
            if ("ebrd".equals(a.get("institutionId").asString())) {
                assignment = a.get("id").asString();
            }
        }
        assertThat(assignment).isNotNull();
        String path = "/api/research/assignments/" + assignment;
        assertThat(self.post(path + "/start", null).status()).isEqualTo(200);
        Answer submitted = self.post(path + "/findings", """
                {"statement":"%s","confidence":"high","standardIds":[],"evidence":[{"link":"https://www.ebrd.com/",\
                "section":"ESP, PR 10","quote":"Stakeholder engagement","accessedOn":"2026-11-01"}]}"""
                .formatted(FINDING_STATEMENT));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String finding = submitted.body().get("id").asString();
        assertThat(self.post(path + "/submit", null).status()).isEqualTo(200);
        Answer accepted = coordinator.post(path + "/accept", null);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> coordinator.get("/api/strategy/evidence").raw().contains(finding));
        return finding;
    }

    /** A member (role MEMBER) of the working group, active. */
    private static String activeMember() {
        Answer created = coordinator.post("/api/membership/people", """
                {"displayName":"Участница %1$s","fullName":"Участница %1$s Example","email":"member-%1$s@example.org",
                 "country":"KG","preferredLanguage":"ru","timeZone":"Asia/Bishkek","roles":["MEMBER"]}""".formatted(RUN));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(coordinator.post("/api/membership/people/" + id + "/invitations", null).status()).isEqualTo(201);
        GatewayClient self = coordinator.as(id);
        assertThat(self.post("/api/membership/people/" + id + "/invitation/accept", null).status()).isEqualTo(200);
        assertThat(self.post("/api/membership/people/" + id + "/consent",
                "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}").status()).isEqualTo(200);
        assertThat(coordinator.post("/api/membership/people/" + id + "/activate", null).status()).isEqualTo(200);
        // the member's token carries the role once membership has told the identity service
        coordinator.as(id, Role.MEMBER);
        return id;
    }

}
