package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
 * Journey 5 in the browser, by the roles who do it: the coordinator opens a consultation round on the draft
 * strategy with a deadline a few minutes ahead in Tashkent time, inviting the member organisations of four
 * countries (and one member in person); a member of each country, each in their own browser and language (the
 * Kyrgyz one on a 360 px phone), comments on words quoted from a section (selected in the text, or typed on the
 * phone); one replies to another; the coordinator accepts one comment and declines another with a reason, which
 * its author reads; at the deadline the comment box says the consultation is closed and when; participation shows
 * four countries; the strategy version is adopted. Organisations, people and the draft are set up through the
 * API (journeys 1 and 2 are other tests). Every screen is checked with axe-core.
 */
class ConsultationBrowserIT {
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ZONE = "Asia/Tashkent";
    /** country, the member's language, their zone, their browser's width */
    static final String[][] MEMBERS = { { "KZ", "ru", "Asia/Almaty", "1280" }, { "KG", "ky", "Asia/Bishkek", "360" },
            { "UZ", "uz", "Asia/Tashkent", "1280" }, { "TJ", "tg", "Asia/Dushanbe", "1280" } };

    private static Devstack stack;
    private static GatewayClient coordinator;

    @BeforeAll
    static void system() {
        WebBrowser.requireBrowser();
        stack = SystemUnderTest.stack();
        coordinator = SystemUnderTest.gateway();
    }

    @Test
    void membersOfFourCountriesCommentOnQuotedWordsTheRoundClosesAtItsDeadlineAndTheStrategyIsAdopted() {
        // set-up through the API: an organisation and an active member in each country, a draft strategy
        List<String> organisations = new ArrayList<>();
        List<String> people = new ArrayList<>();
        for (String[] m : MEMBERS) {
            organisations.add(memberOrganisation(m[0]));
            people.add(activeMember(m, organisations.get(organisations.size() - 1)));
        }
        int version = draftStrategy(people.get(0));

        List<WebBrowser> browsers = new ArrayList<>();
        try {
            WebBrowser c = WebBrowser.open(stack.gatewayUrl() + "/", "en", 1280);
            browsers.add(c);
            c.signIn(DevstackSecrets.BOOTSTRAP_USERNAME, stack.secrets().bootstrapPassword());
            // each member signs in in their own browser, in their language, before the round opens
            List<WebBrowser> members = new ArrayList<>();
            for (int i = 0; i < MEMBERS.length; i++) {
                WebBrowser b = WebBrowser.open(stack.gatewayUrl() + "/", MEMBERS[i][1] + ",ru,en",
                        Integer.parseInt(MEMBERS[i][3]));
                browsers.add(b);
                members.add(b);
                coordinator.as(people.get(i), Role.MEMBER); // the identity service gives them the member's role
                String[] credentials = SystemUnderTest.identities().credentials(people.get(i));
                b.signIn(credentials[0], credentials[1]);
            }

            // the coordinator opens the round: the draft, a deadline in Tashkent time, four organisations and a person
            c.area("consultations");
            c.click(By.xpath("//button[normalize-space()='Open a round']"));
            c.choose(By.id("round-kind"), "STRATEGY_VERSION");
            c.choose(By.id("round-subject"), String.valueOf(version));
            LocalDateTime deadline = LocalDateTime.now(ZoneId.of(ZONE)).plusMinutes(3).truncatedTo(ChronoUnit.MINUTES);
            c.script("const el = document.getElementById('round-deadline'); el.value = arguments[0];"
                    + "el.dispatchEvent(new Event('input', { bubbles: true }));", deadline.toString());
            c.choose(By.id("round-zone"), ZONE);
            for (String organisation : organisations) {
                c.click(By.id("invite-org-" + organisation));
            }
            c.type(By.id("round-people-search"), "Member TJ " + RUN);
            c.click(By.id("invite-person-" + people.get(3)));
            c.visible(By.id("round-picked"));
            c.assertAccessible("open a consultation round");
            c.screenshot("consultation-open");
            c.click(By.cssSelector("#open-round-form button[type=submit]"));
            c.waitFor(d -> d.getCurrentUrl().matches(".*#/consultations/round-[^/]+$"));
            String round = URLDecoder.decode(c.driver().getCurrentUrl().replaceAll(".*#/consultations/", ""),
                    StandardCharsets.UTF_8);
            String path = "/api/strategy/consultations/" + round;
            JsonNode opened = coordinator.get(path).body();
            assertThat(opened.get("timeZone").asString()).isEqualTo(ZONE);
            assertThat(opened.get("deadlineLocal").asString()).startsWith(deadline.toString());
            assertThat(opened.get("invitedOrganisations").toString()).contains(organisations.toArray(String[]::new));
            assertThat(opened.get("invitedPeople").toString()).contains(people.get(3));
            c.visible(By.id("round-countdown"));
            c.assertAccessible("a round, the coordinator's view");

            // each member comments on words of the goals: selected in the text on a desktop, typed on the phone
            String[] quotes = { "Open budgets", "safe participation", "IFI projects", "Open budgets for IFI projects" };
            for (int i = 0; i < members.size(); i++) {
                WebBrowser b = members.get(i);
                String quote = quotes[i];
                b.area("consultations/" + round);
                b.visible(By.id("section-goals-text"));
                if (i == 1) {
                    // the keyboard's way: the section chosen, then words of it typed (any case)
                    b.choose(By.id("comment-section"), "goals");
                    b.type(By.id("comment-quote"), quote);
                } else {
                    b.choose(By.id("comment-section"), "context"); // the selection moves the box to the goals
                    select(b, "section-goals-text", quote);
                    b.waitFor(d -> quote.equals(d.findElement(By.id("comment-quote")).getDomProperty("value")));
                    assertThat(b.driver().findElement(By.id("comment-section")).getDomProperty("value")).isEqualTo("goals");
                }
                b.type(By.id("comment-text"), "Comment from " + MEMBERS[i][0] + " " + RUN);
                if (i == 0) {
                    b.assertAccessible("a round, a member writing a comment");
                    b.screenshot("consultation-member");
                }
                sendComment(b, "Comment from " + MEMBERS[i][0] + " " + RUN);
            }
            JsonNode comments = coordinator.get(path).body().get("comments");
            assertThat(comments.size()).isEqualTo(4);
            List<String> quoted = new ArrayList<>();
            comments.forEach(comment -> quoted.add(comment.path("quote").asString()));
            assertThat(quoted).as("each the section's own words").containsExactlyInAnyOrder("Open budgets",
                    "Safe participation", "IFI projects", "Open budgets for IFI projects");
            String kz = commentId(comments, "KZ");
            String uz = commentId(comments, "UZ");

            // the Kyrgyz member replies to the Kazakh member's comment, on the phone
            WebBrowser phone = members.get(1);
            phone.driver().navigate().refresh();
            phone.click(By.xpath("//*[@id='comment-" + kz + "-actions']/button[1]"));
            phone.type(By.id("reply-" + kz + "-text"), "Agreed, from Bishkek " + RUN);
            phone.click(By.cssSelector("#reply-" + kz + "-form button[type=submit]"));
            phone.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("comment-" + kz), "Agreed, from Bishkek"));
            phone.assertAccessible("a round on a phone");
            phone.assertFitsWidth("a round on a phone");
            phone.assertTouchTargets("a round on a phone");
            phone.screenshot("consultation-phone");

            // the coordinator accepts one comment and declines another with a reason
            c.driver().navigate().refresh();
            c.click(By.xpath("//*[@id='comment-" + kz + "-actions']//button[normalize-space()='Resolve']"));
            c.click(By.cssSelector("#resolve-" + kz + "-form button[type=submit]"));
            c.visible(By.id("resolution-" + kz));
            c.click(By.xpath("//*[@id='comment-" + uz + "-actions']//button[normalize-space()='Resolve']"));
            c.click(By.id("resolve-" + uz + "-declined"));
            c.type(By.id("resolve-" + uz + "-reason"), "Out of the strategy's scope " + RUN);
            c.assertAccessible("resolving a comment");
            c.click(By.cssSelector("#resolve-" + uz + "-form button[type=submit]"));
            c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("resolution-" + uz), "Out of the strategy's scope"));
            c.screenshot("consultation-coordinator");
            JsonNode resolved = coordinator.get(path).body().get("comments");
            assertThat(resolved.toString()).contains("ACCEPTED", "DECLINED");

            // the Uzbek author reads the reason
            WebBrowser author = members.get(2);
            author.driver().navigate().refresh();
            author.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("resolution-" + uz),
                    "Out of the strategy's scope " + RUN));
            author.assertAccessible("a round, the author of a declined comment");

            // at the deadline the comment box (without a reload) says the consultation closed, and when
            WebBrowser kazakh = members.get(0);
            kazakh.visible(By.id("comment-form"));
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> !kazakh.driver().findElements(By.id("comment-closed")).isEmpty());
            assertThat(kazakh.driver().findElements(By.id("comment-form"))).isEmpty();
            String closedText = kazakh.visible(By.id("comment-closed")).getText();
            assertThat(closedText).as("in Russian, with the time in the reader's zone (Almaty)").contains("Комментарии больше не принимаются")
                    .contains("Almaty");
            await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(coordinator.get(path).body().get("status").asString()));
            kazakh.driver().navigate().refresh();
            kazakh.waitFor(ExpectedConditions.textToBe(By.id("participation-value-countries"), "4"));
            kazakh.visible(By.id("comment-closed"));
            kazakh.assertAccessible("a closed round with its participation");
            kazakh.screenshot("consultation-closed");
            Answer participation = coordinator.get(path + "/participation");
            assertThat(participation.body().get("countries").asInt()).isEqualTo(4);
            assertThat(participation.body().get("organisations").asInt()).isEqualTo(4);

            // the version is adopted: in the browser where the strategy area offers it, else through the API
            adopt(c, version);
            assertThat(coordinator.get("/api/strategy/versions/" + version).body().get("status").asString())
                    .isEqualTo("ADOPTED");
        } finally {
            browsers.forEach(WebBrowser::close);
        }
    }

    /** Selects the words in the element's text, as a person dragging over them with a mouse or a finger would. */
    private static void select(WebBrowser browser, String elementId, String words) {
        browser.script("""
                const el = document.getElementById(arguments[0]);
                const text = el.firstChild;
                const at = text.textContent.indexOf(arguments[1]);
                const range = document.createRange();
                range.setStart(text, at);
                range.setEnd(text, at + arguments[1].length);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);""", elementId, words);
    }

    /**
     * Sends the comment and waits until it shows under the goals; a 403 while the member's organisation has not yet
     * reached the strategy service (an event away) shows as an alert, and the comment is sent again.
     */
    private static void sendComment(WebBrowser b, String text) {
        for (int attempt = 0; ; attempt++) {
            b.click(By.cssSelector("#comment-form button[type=submit]"));
            String outcome = b.waitFor(d -> {
                if (d.findElements(By.id("comments-goals")).stream().anyMatch(e -> e.getText().contains(text))) {
                    return "shown";
                }
                return d.findElements(By.cssSelector("#comment-form [role=alert]")).isEmpty() ? null : "refused";
            });
            if (outcome.equals("shown")) {
                return;
            }
            assertThat(attempt).as("the comment is refused: " + b.visible(By.cssSelector("#comment-form [role=alert]")).getText())
                    .isLessThan(10);
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        }
    }

    private static String commentId(JsonNode comments, String country) {
        for (JsonNode comment : comments) {
            if (comment.get("text").asString().startsWith("Comment from " + country)) {
                return comment.get("id").asString();
            }
        }
        throw new AssertionError("no comment from " + country + " in " + comments);
    }

    private static void adopt(WebBrowser c, int version) {
        c.area("strategy/" + version);
        boolean inBrowser;
        try {
            c.visible(By.id("area-title"));
            await().atMost(Duration.ofSeconds(15)).until(() -> !c.driver().findElements(By.id("adopt-version")).isEmpty());
            inBrowser = true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            inBrowser = false;
        }
        if (inBrowser) {
            c.assertAccessible("a strategy version ready to adopt");
            c.click(By.id("adopt-version"));
            // the strategy area asks to confirm the adoption (it cannot be undone)
            c.click(By.id("adopt-confirm"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "ADOPTED".equals(
                    coordinator.get("/api/strategy/versions/" + version).body().get("status").asString()));
            c.assertAccessible("an adopted strategy version");
            c.screenshot("consultation-adopted");
        } else {
            // the strategy area (another engineer's) has no adopt button yet in this build
            System.out.println("ConsultationBrowserIT: no #adopt-version in the strategy area yet; adopted through the API");
            Answer adopted = coordinator.post("/api/strategy/versions/" + version + "/adopt", null);
            assertThat(adopted.status()).as(adopted.raw()).isEqualTo(200);
        }
    }

    private static String memberOrganisation(String country) {
        Answer org = coordinator.post("/api/membership/organisations", """
                {"name":"Consult %s %s","country":"%s","kind":"HUMAN_RIGHTS","focusAreas":["civic-space"]}"""
                .formatted(country, RUN, country));
        assertThat(org.status()).as(org.raw()).isEqualTo(201);
        String id = org.body().get("id").asString();
        assertThat(coordinator.post("/api/membership/organisations/" + id + "/invitation", null).status()).isEqualTo(200);
        assertThat(coordinator.post("/api/membership/organisations/" + id + "/join", null).status()).isEqualTo(200);
        return id;
    }

    private static String activeMember(String[] m, String organisation) {
        Answer person = coordinator.post("/api/membership/people", """
                {"displayName":"Member %1$s %2$s","fullName":"Member Browsertest %1$s","email":"consult-web.%1$s.%2$s@example.org",\
                "country":"%1$s","preferredLanguage":"%3$s","timeZone":"%4$s","roles":["MEMBER"],"expertise":["ifis"]}"""
                .formatted(m[0], RUN, m[1], m[2]));
        assertThat(person.status()).as(person.raw()).isEqualTo(201);
        String id = person.body().get("id").asString();
        assertThat(coordinator.put("/api/membership/people/" + id + "/affiliations",
                "{\"organisationIds\":[\"" + organisation + "\"]}").status()).isEqualTo(200);
        assertThat(coordinator.post("/api/membership/people/" + id + "/invitations", null).status()).isEqualTo(201);
        assertThat(coordinator.as(id).post("/api/membership/people/" + id + "/invitation/accept", null).status())
                .isEqualTo(200);
        assertThat(coordinator.as(id).post("/api/membership/people/" + id + "/consent",
                "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}").status()).isEqualTo(200);
        Answer active = coordinator.post("/api/membership/people/" + id + "/activate", null);
        assertThat(active.body().get("status").asString()).as(active.raw()).isEqualTo("ACTIVE");
        return id;
    }

    /** The open draft (started if there is none) with the sections the members comment on. */
    private static int draftStrategy(String owner) {
        Answer draft = coordinator.post("/api/strategy/versions", null);
        assertThat(draft.status()).as(draft.raw()).isIn(201, 409); // 409: another journey left a draft open
        int version = 0;
        for (JsonNode v : GatewayClient.JSON.readTree(coordinator.get("/api/strategy/versions").raw())) {
            if ("DRAFT".equals(v.get("status").asString())) {
                version = v.get("version").asInt();
            }
        }
        assertThat(version).isPositive();
        Answer edited = coordinator.put("/api/strategy/versions/" + version, """
                {"content":{"context":"Civic space in Central Asia and the IFIs.",
                 "goals":["Open budgets for IFI projects","Safe participation of CSOs"],
                 "targetInstitutions":["world-bank","ebrd"],"objectives":["Consult CSOs in four countries"],
                 "actions":[{"text":"Brief the EBRD","ownerId":"%s","due":"2027-03-01","status":"PLANNED"}],
                 "indicators":["Organisations from four countries commented"],
                 "risks":[{"description":"Reprisals against participants","reprisal":true,"mitigation":"Anonymous comments"}]}}"""
                .formatted(owner));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        return version;
    }

}
