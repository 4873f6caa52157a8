package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackSecrets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;

import tools.jackson.databind.JsonNode;

/**
 * Journey 3 in the browser, in Russian at 1280 px, by the roles who do it: the coordinator assigns the World Bank's
 * standards in Kazakhstan to an active expert (set up through the API, enrolled and signed in through the browser);
 * the expert writes a finding with a citation and submits it; the coordinator returns it with a comment — one
 * action; the expert is told (their inbox), reads the comment on the finding, corrects and resubmits; the
 * coordinator accepts; the finding then counts in the coverage matrix and is found by search. axe-core checks every
 * screen visited.
 */
class ResearchBrowserIT {
    private static Devstack stack;
    private static GatewayClient coordinator;

    @BeforeAll
    static void system() {
        WebBrowser.requireBrowser();
        stack = SystemUnderTest.stack();
        coordinator = SystemUnderTest.gateway();
    }

    @Test
    void anExpertsFindingIsReturnedWithACommentCorrectedAndAcceptedInTheBrowser() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String name = "Эксперт исследования " + suffix;
        // a word of its own, so search finds this finding and no other
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String expert = Members.activeExpert(coordinator, name, "KZ", "Asia/Almaty");
        String link = SystemUnderTest.identities().enrolmentUrl(expert);
        String username = "kz-" + UUID.randomUUID().toString().substring(0, 10);
        String password = "a long pass phrase " + suffix;

        try (WebBrowser c = WebBrowser.open(stack.gatewayUrl() + "/", "ru,en", 1280);
                WebBrowser e = WebBrowser.open(stack.gatewayUrl() + "/", "ru,en", 1280)) {
            c.signIn(DevstackSecrets.BOOTSTRAP_USERNAME, stack.secrets().bootstrapPassword());

            // the coordinator assigns the research to the active expert
            c.area("assignments");
            c.click(WebBrowser.text("button", "Новое задание"));
            c.choose(By.id("assignment-expert"), expert);
            c.choose(By.id("assignment-country"), "KZ");
            c.choose(By.id("assignment-institution"), "wb");
            c.choose(By.id("assignment-strand"), "STANDARDS_AND_RULES");
            setValue(c, By.id("assignment-due"), LocalDate.now().plusDays(14).toString());
            c.assertAccessible("assignments: new assignment");
            c.screenshot("research-coordinator-assign");
            // research learns that they are an active expert from membership's events: a 422 until then; the
            // button is disabled while a call runs and the form empties after success, so nothing is sent twice
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                if (assignmentsOf(expert).size() == 1) {
                    return true;
                }
                WebElement assign = c.driver().findElement(By.cssSelector("#assignment-form button[type=submit]"));
                if (assign.isEnabled() && !"".equals(c.driver().findElement(By.id("assignment-expert")).getDomProperty("value"))) {
                    assign.click();
                }
                return false;
            });
            String assignment = assignmentsOf(expert).get(0).get("id").asString();
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Задание создано"));
            c.assertAccessible("assignments: the coordinator's list");

            // the expert: enrolled and signed in in their own browser; their next sign-in carries the expert role
            e.enrol(link, username, password);
            e.signIn(username, password);
            e.waitFor(d -> {
                if (e.visible(By.id("signed-in-as")).getText().contains("Эксперт")) {
                    return true;
                }
                e.click(By.id("sign-out"));
                e.waitFor(x -> !x.findElements(By.id("sign-in")).isEmpty());
                e.signIn(username, password);
                return false;
            });
            e.area("assignments");
            e.visible(By.cssSelector("#assignments-list tbody tr"));
            assertThat(e.heading()).isEqualTo("Мои задания");
            assertThat(e.visible(By.id("assignments-list")).getText()).contains("Осталось 14 дней", "Назначено, не начато");
            e.assertAccessible("assignments: the expert's list");
            e.screenshot("research-expert-assignments");

            // the expert writes the finding with a citation and submits it
            e.click(By.cssSelector("#assignments-list tbody a"));
            e.visible(By.id("finding-form"));
            e.type(By.id("statement"), "Стандарт ESS10 требует плана взаимодействия с заинтересованными сторонами " + marker);
            e.type(citationField("title"), "ESS10 Stakeholder Engagement and Information Disclosure");
            e.type(citationField("link"), "https://www.worldbank.org/en/projects-operations/environmental-and-social-framework");
            setValue(e, citationField("date"), LocalDate.now().minusDays(3).toString());
            e.type(citationField("quote"), "The Borrower will engage with stakeholders throughout the project life cycle");
            e.assertAccessible("assignment: the finding editor");
            e.screenshot("research-expert-finding-editor");
            e.click(By.cssSelector("#finding-form button[type=submit]"));
            e.waitFor(ExpectedConditions.textToBe(By.id("assignment-status"), "Отправлено на проверку"));
            e.assertAccessible("assignment: submitted");
            String finding = coordinator.get("/api/research/assignments/" + assignment + "/findings").body()
                    .get("findings").get(0).get("id").asString();

            // the coordinator returns it with a comment: one action (the queue may hold others' work too)
            String mine = "//*[@id='review-queue']//article[.//a[@href='#/assignments/" + assignment + "']]";
            c.area("assignments/review");
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("review-queue"), marker));
            assertThat(c.visible(By.id("review-queue")).getText()).contains("ESS10 Stakeholder Engagement",
                    "The Borrower will engage");
            c.click(By.xpath(mine + "//button[normalize-space()='Вернуть на доработку']"));
            c.visible(By.xpath(mine + "//*[normalize-space()='Напишите, что эксперту нужно исправить.']"));
            assertThat(coordinator.get("/api/research/findings/" + finding).body().get("status").asString())
                    .as("no comment, nothing sent").isEqualTo("SUBMITTED");
            c.type(By.id("return-comment-" + finding), "Укажите пункт стандарта и страницу.");
            c.assertAccessible("review queue");
            c.screenshot("research-coordinator-review");
            c.click(By.xpath(mine + "//button[normalize-space()='Вернуть на доработку']"));
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "возвращён с вашим комментарием"));
            assertThat(coordinator.get("/api/research/findings/" + finding).body().get("status").asString())
                    .isEqualTo("RETURNED");
            assertThat(coordinator.get("/api/research/assignments/" + assignment).body().get("status").asString())
                    .as("back in progress with the return").isEqualTo("IN_PROGRESS");
            c.assertAccessible("review queue after the return");

            // the expert is told, in Russian, in their inbox
            // (the item is on the list when the page loads, or pushed on the live stream; one reload after 30 s, not
            // one every 2 s: on a loaded machine the page may take longer than that to render its list)
            e.area("inbox");
            ExpectedCondition<Boolean> told = ExpectedConditions.textToBePresentInElementLocated(By.id("main"),
                    "Ваш вывод возвращён на доработку");
            try {
                e.waitFor(told);
            } catch (AssertionError notYet) {
                e.driver().navigate().refresh();
                e.waitFor(told);
            }
            e.assertAccessible("inbox with the return");

            // … reads the comment on the finding, corrects it and resubmits
            e.area("assignments/" + assignment);
            e.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("findings-list"),
                    "Укажите пункт стандарта и страницу."));
            e.visible(WebBrowser.text("h2", "Исправление вывода"));
            assertThat(e.visible(By.id("findings-list")).getText()).contains("возвращён на доработку — см. комментарий");
            e.assertAccessible("assignment: a returned finding with the comment");
            e.screenshot("research-expert-returned");
            e.type(By.id("statement"), "Стандарт ESS10 (пункт 4, с. 97) требует плана взаимодействия с "
                    + "заинтересованными сторонами " + marker);
            e.click(By.cssSelector("#finding-form button[type=submit]"));
            e.waitFor(ExpectedConditions.textToBe(By.id("assignment-status"), "Отправлено на проверку"));

            // the coordinator accepts (the queue is the page already open: read it again)
            c.area("assignments/review");
            c.driver().navigate().refresh();
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("review-queue"), "пункт 4"));
            c.assertAccessible("review queue with the corrected finding");
            c.click(By.xpath(mine + "//button[starts-with(normalize-space(), 'Принять задание')]"));
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Принято"));
            JsonNode accepted = coordinator.get("/api/research/findings/" + finding).body();
            assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
            assertThat(accepted.get("versions")).hasSize(2);

            // it counts in the coverage matrix (Kazakhstan × World Bank, standards and rules) and is found by search
            c.area("research/coverage");
            c.choose(By.id("coverage-strand"), "STANDARDS_AND_RULES");
            Number count = c.waitFor(d -> {
                Object found = c.script("""
                        const table = document.getElementById('coverage-table');
                        if (!table) return null;
                        const col = [...table.tHead.rows[0].cells].findIndex(x => x.textContent.trim() === arguments[0]);
                        const row = [...table.tBodies[0].rows].find(r => r.cells[0].textContent.trim() === arguments[1]);
                        return row && col > 0 ? Number(row.cells[col].dataset.count) : null;""", "Казахстан",
                        "World Bank (IBRD/IDA)");
                return found instanceof Number n && n.intValue() >= 1 ? n : null;
            });
            assertThat(count.intValue()).isGreaterThanOrEqualTo(1);
            c.assertAccessible("research: coverage");
            c.screenshot("research-coverage");
            c.area("research/search");
            c.type(By.id("search-q"), marker);
            c.click(By.cssSelector("#search-form button[type=submit]"));
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("search-results"), marker));
            assertThat(c.texts(By.cssSelector("#search-results mark"))).contains(marker);
            c.assertAccessible("research: search");
            c.screenshot("research-search");
            // and through the API (the coverage cell and the search hit)
            JsonNode cells = coordinator.get("/api/research/coverage").body().get("cells");
            JsonNode cell = null;
            for (JsonNode candidate : cells) {
                if ("KZ".equals(candidate.get("country").asString()) && "wb".equals(candidate.get("institutionId").asString())
                        && "STANDARDS_AND_RULES".equals(candidate.get("strand").asString())) {
                    cell = candidate;
                }
            }
            assertThat(cell).as("the KZ × wb cell").isNotNull();
            assertThat(cell.get("acceptedFindings").asInt()).isGreaterThanOrEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    coordinator.get("/api/research/search?kind=finding&q=" + marker).raw()).contains(finding));
        }
    }

    private List<JsonNode> assignmentsOf(String expert) {
        List<JsonNode> found = new java.util.ArrayList<>();
        coordinator.get("/api/research/assignments?expertId=" + expert).body().get("content").forEach(found::add);
        return found;
    }

    /** The first citation row's field ({@code title}, {@code link}, {@code date}, {@code quote}). */
    private static By citationField(String part) {
        return By.cssSelector("#finding-form [id^='citation-'][id$='-" + part + "']");
    }

    /** A date field set as a person's date picker does (the typed form of a date depends on the browser's locale). */
    private static void setValue(WebBrowser browser, By field, String value) {
        browser.script("const el = arguments[0]; el.value = arguments[1];"
                + "el.dispatchEvent(new Event('input', { bubbles: true }));", browser.visible(field), value);
    }


}
