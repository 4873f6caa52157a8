package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackService;
import org.civictaskforce.devstack.DevstackSecrets;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.systemtests.journey.ErasureEverywhereIT.Place;
import org.civictaskforce.systemtests.journey.ErasureEverywhereIT.Subject;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * Journey 7, the coordinators' back office (issue 14): a person with data in every service (seeded through the API
 * by {@link ErasureEverywhereIT#PLACES}, the places erasure must reach) is erased by a coordinator in the browser, in
 * Russian at 1280 px: found by name, what erasure removes read, the word typed. Afterwards the person is gone from
 * every screen that showed them (the people list and their page, the meeting's invitees, the assignments), the audit
 * view shows the erasure without naming them, and they cannot sign in. The back office's screens are checked at
 * 360 px too; axe-core on every screen. Every service's audit trail is read through the gateway by coordinators only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackOfficeBrowserIT {
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final List<String> AUDITED = List.of("membership", "research", "strategy", "notifications", "identity");

    Devstack stack;
    GatewayClient coordinator;
    MongoClient mongo;
    Map<String, MongoDatabase> databases;
    final Subject subject = new Subject("Zarina Backoffice " + RUN, "zarina.backoffice." + RUN + "@example.org");

    @BeforeAll
    void start() {
        WebBrowser.requireBrowser();
        stack = SystemUnderTest.stack();
        coordinator = SystemUnderTest.gateway();
        mongo = MongoClients.create(stack.mongoUri("admin"));
        databases = new HashMap<>();
        for (DevstackService service : ErasureEverywhereIT.DATABASES) {
            databases.put(service.database(), mongo.getDatabase(service.database()));
        }
    }

    @AfterAll
    void stop() {
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    @Order(1)
    void thePersonHasDataInEveryService() {
        Answer registered = coordinator.post("/api/membership/people", """
                {"displayName":"%s","fullName":"%s Full","email":"%s","country":"KZ","preferredLanguage":"ru",\
                "timeZone":"Asia/Almaty","roles":["EXPERT"]}""".formatted(subject.name, subject.name, subject.email));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        subject.id = registered.body().get("id").asString();
        for (Place place : ErasureEverywhereIT.PLACES) {
            assertThat(place.seed().test(coordinator, subject)).as("seeding " + place.name()).isTrue();
        }
        for (Place place : ErasureEverywhereIT.PLACES) {
            await(place.name()).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> place.present().holds(coordinator, databases, subject));
        }
    }

    @Test
    @Order(2)
    void everyServicesAuditTrailIsForCoordinatorsOnlyThroughTheGateway() {
        GatewayClient expert = coordinator.as(subject.id, Role.EXPERT);
        GatewayClient anonymous = coordinator.anonymous();
        for (String service : AUDITED) {
            String path = "/api/" + service + "/audit";
            assertProblem(anonymous.get(path), 401, service);
            assertProblem(expert.get(path), 403, service);
            Answer page = coordinator.get(path + "?size=5");
            assertThat(page.status()).as(service + ": " + page.raw()).isEqualTo(200);
            assertThat(page.body().get("content").isArray()).as(service).isTrue();
            assertProblem(coordinator.get(path + "?size=101"), 400, service);
            assertProblem(coordinator.get(path + "?type=%7B%22$gt%22:%22%22%7D"), 400, service);
            assertProblem(coordinator.get(path + "?from=yesterday"), 400, service);
        }
        // the person's own changes are in the trails under their id only, never their name
        Answer membership = coordinator.get("/api/membership/audit?subject=" + subject.id + "&size=100");
        assertThat(membership.body().get("content").size()).isPositive();
        assertThat(membership.raw()).doesNotContain(subject.name).doesNotContain(subject.email);
    }

    @Test
    @Order(3)
    void aCoordinatorErasesThePersonFromTheBackOfficeAndTheyAreGoneFromEveryScreen() {
        String meeting = subject.facts.get("meetingId");
        String[] credentials = SystemUnderTest.identities().credentials(subject.id);
        try (WebBrowser c = WebBrowser.open(stack.gatewayUrl() + "/", "ru,en", 1280)) {
            c.signIn(DevstackSecrets.BOOTSTRAP_USERNAME, stack.secrets().bootstrapPassword());
            // before: the person is on the screens that show people
            c.area("meetings/" + meeting);
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-invitees"), subject.name));

            // the back office: find the person, read what erasure removes, type the word, erase
            c.area("admin");
            c.assertAccessible("back office");
            c.click(WebBrowser.text("a", "Удаление"));
            c.type(WebBrowser.labelled("Имя"), subject.name);
            c.click(WebBrowser.text("button", "Найти"));
            c.click(By.xpath("//table[@id='admin-people']//a[normalize-space()="
                    + WebBrowser.xpathLiteral(subject.name) + "]"));
            c.waitFor(ExpectedConditions.textToBe(By.id("area-title"), "Удалить: " + subject.name));
            String effects = c.visible(By.id("admin-erasure-effects")).getText();
            assertThat(effects).contains("Участники", "Вход", "Уведомления", "Исследования", "Стратегия и руководство",
                    "человек больше не сможет войти", "Удаление нельзя отменить.");
            assertThat(c.driver().getPageSource()).as("no e-mail on the erasure screen").doesNotContain(subject.email);
            By erase = WebBrowser.text("button", "Удалить навсегда");
            assertThat(c.visible(erase).isEnabled()).as("not before the word is typed").isFalse();
            c.type(WebBrowser.labelled("Для подтверждения введите УДАЛИТЬ"), "удалить");
            c.assertAccessible("erasure: confirmation");
            c.screenshot("admin-erasure-ru-1280");
            c.click(erase);
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-erase-message"), "Удалено."));
            c.waitFor(ExpectedConditions.textToBe(By.id("area-title"), "Удалённый человек"));
            c.assertAccessible("erasure: done");
            assertThat(coordinator.get("/api/membership/people/" + subject.id).body().get("status").asString())
                    .isEqualTo("ERASED");

            // gone from every screen: the people list (searched by name) and their page
            c.area("people");
            c.type(By.id("people-q"), subject.name);
            c.click(By.cssSelector("#people-filters button[type=submit]"));
            c.waitFor(d -> d.findElement(By.id("main")).getText().contains("Ничего не найдено")
                    || d.findElements(By.cssSelector("#people-list tbody tr")).size() == 0);
            assertGone(c, "people list");
            c.area("people/" + subject.id);
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("person-details"), "Данные стёрты"));
            assertGone(c, "the person's page");
            c.assertAccessible("an erased person's page");

            // the meeting's invitees (an anonymous invitee now, the counts kept)
            c.area("meetings/" + meeting);
            c.visible(By.id("meeting-invitees"));
            await("the meeting forgets the person").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        c.driver().navigate().refresh();
                        c.visible(By.id("meeting-invitees"));
                        return !c.driver().getPageSource().contains(subject.name);
                    });
            assertGone(c, "the meeting");

            // research and the assignments: the assignment stays, under an anonymous expert
            await("research forgets the expert").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> coordinator.get("/api/research/assignments?expertId=" + subject.id).body()
                            .get("content").isEmpty());
            for (String area : List.of("assignments", "research")) {
                c.area(area);
                c.visible(By.id("area-title"));
                waitUntilLoaded(c);
                assertGone(c, area);
                c.assertAccessible(area);
            }

            // the audit view: the erasure is there, the person not named (nor their id shown)
            c.area("admin/audit");
            c.choose(By.id("audit-service"), "membership");
            c.type(By.id("audit-type"), "membership.person.erased");
            c.script("const el = document.getElementById('audit-from'); el.value = arguments[0];"
                    + "el.dispatchEvent(new Event('input', { bubbles: true }));",
                    LocalDate.now(ZoneId.systemDefault()).minusDays(1).toString());
            c.click(WebBrowser.text("button", "Показать"));
            c.waitFor(d -> !d.findElements(By.xpath("//table[@id='audit-trail']//tr[td[normalize-space()="
                    + "'membership.person.erased'] and td[normalize-space()='удалённый человек']]")).isEmpty());
            assertGone(c, "the audit trail");
            assertThat(c.driver().getPageSource()).as("the erased person's id").doesNotContain(subject.id);
            c.assertAccessible("audit trail");
            c.screenshot("admin-audit-ru-1280");

            // the delivery log and template coverage: no addresses
            c.area("admin/deliveries");
            c.visible(By.id("delivery-log"));
            assertThat(c.visible(By.id("main")).getText()).doesNotContain("@");
            c.assertAccessible("delivery log");
            c.area("admin/templates");
            c.visible(By.id("template-coverage"));
            c.assertAccessible("template coverage");
            c.screenshot("admin-templates-ru-1280");
        }

        // and the person cannot sign in any more
        try (WebBrowser p = WebBrowser.open(stack.gatewayUrl() + "/", "ru,en", 1280)) {
            p.click(By.id("sign-in"));
            p.type(By.id("username"), credentials[0]);
            p.type(By.id("password"), credentials[1]);
            p.click(By.cssSelector("form button[type=submit]"));
            p.waitFor(d -> d.getCurrentUrl().contains("error"));
            assertThat(p.driver().findElements(By.id("sign-out"))).isEmpty();
        }
    }

    @Test
    @Order(4)
    void theBackOfficeWorksOnA360PixelPhone() {
        Answer other = coordinator.post("/api/membership/people", """
                {"displayName":"Phone check %s","email":"phone.check.%s@example.org","country":"KG",\
                "preferredLanguage":"ky","timeZone":"Asia/Bishkek"}""".formatted(RUN, RUN));
        assertThat(other.status()).as(other.raw()).isEqualTo(201);
        String candidate = other.body().get("id").asString();
        try (WebBrowser phone = WebBrowser.open(stack.gatewayUrl() + "/", "ru,en", 360)) {
            phone.signIn(DevstackSecrets.BOOTSTRAP_USERNAME, stack.secrets().bootstrapPassword());
            for (String screen : List.of("admin", "admin/erasure", "admin/erasure/" + candidate, "admin/audit",
                    "admin/deliveries", "admin/templates")) {
                phone.area(screen);
                phone.visible(By.id("area-title"));
                waitUntilLoaded(phone);
                if (screen.equals("admin/erasure")) {
                    phone.type(WebBrowser.labelled("Имя"), "Phone check " + RUN);
                    phone.click(WebBrowser.text("button", "Найти"));
                    phone.visible(By.id("admin-people"));
                }
                if (screen.startsWith("admin/erasure/")) {
                    phone.visible(By.id("admin-erase-form"));
                }
                phone.assertAccessible(screen + " at 360 px");
                phone.assertFitsWidth(screen);
                phone.assertTouchTargets(screen);
                phone.screenshot("admin-360-" + screen.replace('/', '-').replace(candidate, "person"));
            }
        }
        // nothing was erased by looking
        assertThat(coordinator.get("/api/membership/people/" + candidate).body().get("status").asString())
                .isEqualTo("CANDIDATE");
    }

    private void assertGone(WebBrowser browser, String screen) {
        String page = browser.driver().getPageSource();
        assertThat(page).as(screen + ": the name").doesNotContain(subject.name);
        assertThat(page).as(screen + ": the e-mail").doesNotContain(subject.email);
    }

    private static void waitUntilLoaded(WebBrowser browser) {
        browser.waitFor(d -> d.findElements(By.cssSelector("main [role=status]")).stream()
                .noneMatch(x -> x.isDisplayed() && !x.getText().isBlank() && x.getText().endsWith("…")));
    }

    private static void assertProblem(Answer answer, int status, String service) {
        assertThat(answer.status()).as(service + ": " + answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).as(service).startsWith("application/problem+json");
    }
}
