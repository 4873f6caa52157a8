package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web workspace in a real browser, as the people of the plan use it: an invited person (their own browser, in
 * their language, once on a desktop in Russian and once on a 360 px phone in Kyrgyz) opens the enrolment link a
 * coordinator handed them, creates their sign-in, signs in through the web client, accepts the invitation, consents
 * to the notice, is activated, reads their inbox and turns on a second factor with the QR code and recovery codes
 * shown in the page. Every screen is checked with axe-core; on the phone, nothing is wider than the screen and every
 * control is a 44 px target. Screenshots go to {@code target/screenshots}.
 */
class WorkspaceBrowserIT {
    /** The words the person must see, per language (from the web client's catalogues, checked here as shown). */
    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "ru", Map.of("signIn", "Войти", "membership", "Моё участие", "accept", "Принять приглашение",
                    "consent", "Я даю согласие", "waiting", "координатор подтвердит", "active", "Активен",
                    "inbox", "Входящие", "security", "Безопасность", "turnOn", "Включить второй фактор",
                    "writtenDown", "Я их записал(а)"),
            "ky", Map.of("signIn", "Кирүү", "membership", "Менин мүчөлүгүм", "accept", "Чакырууну кабыл алуу",
                    "consent", "Макулмун", "waiting", "координатор мүчөлүгүңүздү ырастайт", "active", "Активдүү",
                    "inbox", "Келген билдирүүлөр", "security", "Коопсуздук", "turnOn", "Экинчи факторду күйгүзүү",
                    "writtenDown", "Мен аларды жазып алдым"));

    private static Devstack stack;
    private static GatewayClient coordinator;

    @BeforeAll
    static void system() {
        WebBrowser.requireBrowser();
        stack = SystemUnderTest.stack();
        coordinator = SystemUnderTest.gateway();
    }

    @ParameterizedTest(name = "in {0}, {1} px wide")
    @CsvSource({ "ru, 1280, KG, Asia/Bishkek", "ky, 360, KG, Asia/Bishkek" })
    void anInvitedPersonJoinsFromTheEnrolmentLinkAndTurnsOnASecondFactor(String language, int width, String country,
            String zone) throws Exception {
        Map<String, String> words = WORDS.get(language);
        String shot = language + "-" + width + "-";
        // the coordinator's part (the browser journey of the coordinator is its own test): registered and invited
        String name = "Browser " + language + " " + UUID.randomUUID().toString().substring(0, 6);
        Answer created = coordinator.post("/api/membership/people", """
                {"displayName":"%s","fullName":"%s Example","email":"web-%s@example.org","country":"%s",
                 "preferredLanguage":"%s","timeZone":"%s","roles":["EXPERT"]}""".formatted(name, name,
                UUID.randomUUID().toString().substring(0, 8), country, language, zone));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String person = created.body().get("id").asString();
        assertThat(coordinator.post("/api/membership/people/" + person + "/invitations", null).status()).isEqualTo(201);
        String link = SystemUnderTest.identities().enrolmentUrl(person);

        String username = "web-" + UUID.randomUUID().toString().substring(0, 10);
        String password = "a long pass phrase " + UUID.randomUUID().toString().substring(0, 6);
        try (WebBrowser browser = WebBrowser.open(stack.gatewayUrl() + "/", language + ",ru,en", width)) {
            // signed out: the welcome screen in the browser's language
            browser.waitFor(ExpectedConditions.textToBe(By.id("sign-in"), words.get("signIn")));
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo(language);
            browser.assertAccessible("welcome");
            checkPhone(browser, width, "welcome");

            // the enrolment link: their own username and password on the identity service's page
            enrol(browser, link, username, password, page -> {
                page.assertAccessible("enrolment page");
                page.screenshot(shot + "enrol");
            });

            // back at the web client: sign in
            signIn(browser, username, password, null, page -> page.assertAccessible("sign-in page"));

            // my membership: accept, then consent to the notice in my language
            browser.click(WebBrowser.text("a", words.get("membership")));
            browser.assertAccessible("membership: invitation");
            browser.screenshot(shot + "invitation");
            checkPhone(browser, width, "invitation");
            browser.click(WebBrowser.text("button", words.get("accept")));
            browser.visible(By.id("consent-form"));
            assertThat(browser.visible(By.id("purpose-membership")).isSelected()).as("the required purpose").isTrue();
            browser.assertAccessible("membership: consent");
            browser.screenshot(shot + "consent");
            checkPhone(browser, width, "consent");
            browser.click(WebBrowser.text("button", words.get("consent")));
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), words.get("waiting")));
            Answer recorded = coordinator.get("/api/membership/people/" + person);
            assertThat(recorded.status()).isEqualTo(200);
            assertThat(recorded.body().get("consent").get("agreedTo").toString()).contains("membership");

            // the coordinator activates them; the status says so after a reload
            Answer activated = coordinator.post("/api/membership/people/" + person + "/activate", null);
            assertThat(activated.status()).as(activated.raw()).isEqualTo(200);
            browser.driver().navigate().refresh();
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("membership-status"),
                    words.get("active")));

            // the inbox: the invitation's message, in my language, with the unread badge
            // (the link's text may end with the unread badge)
            browser.click(By.xpath("//nav//a[starts-with(normalize-space(), " + WebBrowser.xpathLiteral(words.get("inbox"))
                    + ")]"));
            browser.visible(By.cssSelector("#inbox-items li"));
            assertThat(browser.texts(By.cssSelector("#inbox-items [lang]"))).isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#inbox-items [lang='" + language + "']")))
                    .as("messages written in the person's language").isNotEmpty();
            browser.assertAccessible("inbox");
            browser.screenshot(shot + "inbox");
            checkPhone(browser, width, "inbox");

            // security: the second factor, with the QR code drawn in the page and recovery codes shown once
            browser.click(WebBrowser.text("a", words.get("security")));
            browser.click(WebBrowser.text("button", words.get("turnOn")));
            browser.visible(By.cssSelector("svg.qr path"));
            String secret = browser.visible(By.id("second-factor-secret")).getText().replace(" ", "");
            assertThat(secret).matches("[A-Z2-7]{32}");
            assertThat(browser.driver().getCurrentUrl()).doesNotContain(secret);
            assertThat(String.valueOf(browser.script(
                    "return JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage);")))
                    .doesNotContain(secret);
            browser.assertAccessible("security: set-up");
            browser.screenshot(shot + "security");
            checkPhone(browser, width, "security");
            long step = OneTimeCodes.currentStep();
            browser.type(By.id("code"), OneTimeCodes.code(secret, step));
            browser.type(By.id("password"), password);
            browser.click(By.cssSelector("#second-factor-confirm-form button[type=submit]"));
            List<String> codes = browser.waitFor(d -> {
                List<String> shown = browser.texts(By.cssSelector("#recovery-codes li code"));
                return shown.size() == 10 ? shown : null;
            });
            assertThat(codes).allSatisfy(code -> assertThat(code).matches("([A-Z2-9]{4}-){3}[A-Z2-9]{4}"));
            assertThat(browser.driver().getPageSource()).as("the secret leaves the page").doesNotContain(secret);
            browser.assertAccessible("security: recovery codes");
            browser.click(WebBrowser.text("button", words.get("writtenDown")));
            browser.visible(By.id("second-factor-on"));
            assertThat(browser.driver().findElements(By.id("recovery-codes"))).as("shown once").isEmpty();

            // signed out, the phone is "lost": a recovery code signs in once in place of the app's code
            browser.click(By.id("sign-out"));
            browser.waitFor(d -> d.getCurrentUrl().startsWith(stack.gatewayUrl())
                    && !d.findElements(By.id("sign-in")).isEmpty());
            signIn(browser, username, password, codes.get(0), page -> { });
        }
    }

    /**
     * Journeys 1 and 2 by the roles who do them in life, in the browser only: the coordinator (in Russian) registers
     * an expert, invites them and hands over an enrolment link; the expert (their own phone, 360 px, in Kyrgyz)
     * enrols, accepts and consents; the coordinator activates them, schedules a meeting in Asia/Bishkek and invites
     * them by name; the expert answers "yes"; after the start the coordinator records attendance and the target
     * institutions, which research then knows.
     */
    @Test
    void aCoordinatorFormsTheGroupAndHoldsAMeetingWithAnExpertEntirelyInTheBrowser() {
        String name = "Эксперт " + UUID.randomUUID().toString().substring(0, 6);
        String username = "kg-" + UUID.randomUUID().toString().substring(0, 10);
        String password = "a long pass phrase " + UUID.randomUUID().toString().substring(0, 6);
        try (WebBrowser coordinatorBrowser = WebBrowser.open(stack.gatewayUrl() + "/", "ru,en", 1280);
                WebBrowser expertBrowser = WebBrowser.open(stack.gatewayUrl() + "/", "ky,ru", 360)) {
            WebBrowser c = coordinatorBrowser;
            signIn(c, org.civictaskforce.devstack.DevstackSecrets.BOOTSTRAP_USERNAME, stack.secrets().bootstrapPassword());
            c.visible(By.id("progress"));
            c.assertAccessible("dashboard");
            c.screenshot("coordinator-dashboard");

            // register and invite
            c.area("people/new");
            c.type(By.id("displayName"), name);
            c.type(By.id("email"), "kg-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
            c.choose(By.id("country"), "KG");
            c.choose(By.id("preferredLanguage"), "ky");
            c.choose(By.id("timeZone"), "Asia/Bishkek");
            c.assertAccessible("register a person");
            c.click(By.cssSelector("#register-form button[type=submit]"));
            c.waitFor(d -> d.getCurrentUrl().matches(".*#/people/[^/]+$") && !d.getCurrentUrl().endsWith("/new"));
            String person = java.net.URLDecoder.decode(c.driver().getCurrentUrl().replaceAll(".*#/people/", ""),
                    java.nio.charset.StandardCharsets.UTF_8);
            c.click(By.xpath("//*[@id='person-actions']//button[normalize-space()='Пригласить']"));
            c.click(By.xpath("//*[@id='person-actions']//button[normalize-space()='Ссылка для входа']"));
            String link = c.waitFor(d -> {
                String value = d.findElement(By.id("enrolment-link")).getDomProperty("value");
                return value != null && value.contains("token=") ? value : null;
            });
            c.assertAccessible("a person's page with the enrolment link");
            c.screenshot("coordinator-person");

            // the expert, on their phone, in Kyrgyz
            WebBrowser e = expertBrowser;
            enrol(e, link, username, password, page -> { });
            signIn(e, username, password);
            e.area("membership");
            e.click(WebBrowser.text("button", "Чакырууну кабыл алуу"));
            e.click(WebBrowser.text("button", "Макулмун"));
            e.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "координатор"));

            // the coordinator activates them
            c.driver().navigate().refresh();
            c.click(By.xpath("//*[@id='person-actions']//button[normalize-space()='Активировать']"));
            c.waitFor(d -> coordinator.get("/api/membership/people/" + person).body().get("status").asString()
                    .equals("ACTIVE"));

            // their next sign-in carries the expert's role (the identity service follows membership's events)
            e.waitFor(d -> {
                e.click(By.id("sign-out"));
                e.waitFor(x -> !x.findElements(By.id("sign-in")).isEmpty());
                signIn(e, username, password);
                return e.visible(By.id("signed-in-as")).getText().contains("Эксперт");
            });

            // the coordinator schedules a meeting in Bishkek time, starting in a minute or two, and invites them
            java.time.ZoneId bishkek = java.time.ZoneId.of("Asia/Bishkek");
            java.time.ZonedDateTime start = java.time.ZonedDateTime.now(bishkek).plusMinutes(2)
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            c.area("meetings");
            c.click(WebBrowser.text("button", "Назначить встречу"));
            c.type(By.id("meeting-title"), "Встреча экспертов " + name);
            c.script("const el = document.getElementById('meeting-start'); el.value = arguments[0];"
                    + "el.dispatchEvent(new Event('input', { bubbles: true }));", start.toLocalDateTime().toString());
            c.choose(By.id("meeting-zone"), "Asia/Bishkek");
            c.assertAccessible("schedule a meeting");
            c.click(By.cssSelector("#meeting-schedule-form button[type=submit]"));
            c.waitFor(d -> d.getCurrentUrl().matches(".*#/meetings/[^/]+$"));
            String meeting = java.net.URLDecoder.decode(c.driver().getCurrentUrl().replaceAll(".*#/meetings/", ""),
                    java.nio.charset.StandardCharsets.UTF_8);
            c.type(By.id("invite-search"), name);
            c.click(By.id("invite-person-" + person));
            c.click(By.cssSelector("#invite-pick-form button[type=submit]"));
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-invitees"), name));
            c.assertAccessible("a meeting before its start");
            c.screenshot("coordinator-meeting");

            // the expert answers on their phone; the meeting shows in their zone and the meeting's
            e.area("meetings/" + meeting);
            e.click(By.xpath("//*[@id='rsvp']//button[normalize-space()='Ооба']"));
            e.waitFor(d -> "true".equals(d.findElement(By.xpath("//*[@id='rsvp']//button[normalize-space()='Ооба']"))
                    .getAttribute("aria-pressed")));
            e.assertAccessible("a meeting, the expert's view");
            e.assertFitsWidth("a meeting, the expert's view");
            e.assertTouchTargets("a meeting, the expert's view");
            e.screenshot("ky-360-meeting");
            assertThat(coordinator.get("/api/membership/meetings/" + meeting).raw()).contains("YES");

            // after the start: attendance and the target institutions
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(3))
                    .until(() -> java.time.ZonedDateTime.now(bishkek).isAfter(start.plusSeconds(2)));
            c.driver().navigate().refresh();
            c.click(By.id("attendee-" + person));
            c.click(By.cssSelector("#attendance-form button[type=submit]"));
            c.waitFor(d -> coordinator.get("/api/membership/meetings/" + meeting).body().get("status").asString()
                    .equals("HELD"));
            c.choose(By.id("decision-kind"), "TARGET_INSTITUTIONS");
            c.click(By.id("institution-wb"));
            c.click(By.id("institution-ebrd"));
            // membership learns the catalogue from research's events: a 422 until then, asked again safely
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .pollInterval(java.time.Duration.ofSeconds(3)).until(() -> {
                        if (!c.driver().findElements(By.cssSelector("#meeting-decisions li")).isEmpty()) {
                            return true;
                        }
                        // a click while the last answer is awaited hits a disabled button: nothing is sent twice
                        c.driver().findElement(By.cssSelector("#decision-form button[type=submit]")).click();
                        return false;
                    });
            c.assertAccessible("a held meeting with its decision");
            c.screenshot("coordinator-meeting-held");
            // every other screen a coordinator has, checked as it shows itself
            for (String area : List.of("people", "organisations", "organisations/new", "meetings", "inbox",
                    "inbox/preferences", "profile", "security")) {
                c.area(area);
                c.visible(By.id("area-title"));
                c.waitFor(d -> d.findElements(By.cssSelector("main [role=status]")).stream()
                        .noneMatch(x -> x.isDisplayed() && !x.getText().isBlank() && x.getText().endsWith("…")));
                c.assertAccessible(area);
            }
            c.area("people");
            c.visible(By.cssSelector("#people-list li, #people-list tr"));
            c.screenshot("coordinator-people");

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
                Answer targets = coordinator.get("/api/research/target-institutions");
                assertThat(targets.body().get("meetingId").asString()).isEqualTo(meeting);
                assertThat(targets.body().get("institutionIds").toString()).contains("wb", "ebrd");
            });
        }
    }

    /**
     * Opens the enrolment link, chooses the username and password, lets {@code onPage} look at the filled page,
     * creates the sign-in and goes back to the web client.
     */
    private static void enrol(WebBrowser browser, String link, String username, String password,
            Consumer<WebBrowser> onPage) {
        browser.go(link);
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), password);
        browser.type(By.id("repeat"), password);
        onPage.accept(browser);
        browser.click(By.cssSelector("form button[type=submit]"));
        browser.waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("token=")));
        browser.go(stack.gatewayUrl() + "/");
    }

    private static void signIn(WebBrowser browser, String username, String password) {
        signIn(browser, username, password, null, page -> { });
    }

    /**
     * The web client's "Sign in", the identity service's page filled in ({@code code}: the app's or a recovery code,
     * or none), {@code onPage} looking at it before it is sent, then back at the web client, signed in.
     */
    private static void signIn(WebBrowser browser, String username, String password, String code,
            Consumer<WebBrowser> onPage) {
        browser.click(By.id("sign-in"));
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), password);
        if (code != null) {
            browser.type(By.name("otp"), code);
        }
        onPage.accept(browser);
        browser.click(By.cssSelector("form button[type=submit]"));
        browser.waitFor(d -> d.getCurrentUrl().startsWith(stack.gatewayUrl()));
        browser.visible(By.id("sign-out"));
    }

    private static void checkPhone(WebBrowser browser, int width, String screen) {
        if (width <= 400) {
            browser.assertFitsWidth(screen);
            browser.assertTouchTargets(screen);
        }
    }
}
