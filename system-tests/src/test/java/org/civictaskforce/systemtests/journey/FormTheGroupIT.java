package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.MailMessage;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;

/**
 * Journey 1, "form the group", as a coordinator and the people invited do it through the gateway:
 * register a CSO and candidate experts in three countries, invite them, they accept, give consent and
 * are approved; the progress view counts experts per country against the plan's targets. An invited
 * expert watching their inbox sees the invitation arrive live.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormTheGroupIT {
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String[][] EXPERTS = {
            { "KZ", "ru", "Asia/Almaty" }, { "KZ", "kk", "Asia/Almaty" },
            { "KG", "ky", "Asia/Bishkek" }, { "TJ", "tg", "Asia/Dushanbe" } };

    Devstack stack;
    GatewayClient gateway;
    String organisationId;
    final List<String> experts = new ArrayList<>();
    final List<String> streamed = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() {
        stack = SystemUnderTest.stack();
        gateway = SystemUnderTest.gateway();
    }

    @Test
    @Order(1)
    void coordinatorRegistersAnOrganisationAndCandidateExpertsInThreeCountries() {
        Answer organisation = gateway.post("/api/membership/organisations", """
                {"name":"Bureau %s","country":"KG","kind":"HUMAN_RIGHTS","focusAreas":["civic-space"]}""".formatted(RUN));
        assertThat(organisation.status()).as(organisation.raw()).isEqualTo(201);
        organisationId = organisation.body().get("id").asString();
        assertThat(gateway.post("/api/membership/organisations/" + organisationId + "/invitation", null).status())
                .isEqualTo(200);
        assertThat(gateway.post("/api/membership/organisations/" + organisationId + "/join", null).body()
                .get("status").asString()).isEqualTo("MEMBER");

        for (int i = 0; i < EXPERTS.length; i++) {
            String[] e = EXPERTS[i];
            Answer person = gateway.post("/api/membership/people", """
                    {"displayName":"Expert %2$d","fullName":"Expert Formtest %2$d","email":"expert%2$d.%1$s@example.org",\
                    "country":"%3$s","preferredLanguage":"%4$s","timeZone":"%5$s","roles":["EXPERT"],"expertise":["fatf"]}"""
                    .formatted(RUN, i, e[0], e[1], e[2]));
            assertThat(person.status()).as(person.raw()).isEqualTo(201);
            assertThat(person.body().get("status").asString()).isEqualTo("CANDIDATE");
            experts.add(person.body().get("id").asString());
        }
        assertThat(gateway.put("/api/membership/people/" + experts.get(2) + "/affiliations",
                "{\"organisationIds\":[\"" + organisationId + "\"]}").status()).isEqualTo(200);
        assertThat(gateway.put("/api/membership/people/" + experts.get(2) + "/affiliations",
                "{\"organisationIds\":[\"" + UUID.randomUUID() + "\"]}").status())
                .as("an unknown organisation is refused").isEqualTo(422);
    }

    @Test
    @Order(2)
    void invitationsArriveByEmailInEachLanguageAndLiveInTheInbox() {
        String watched = experts.get(0);
        gateway.as(watched).stream("/api/notifications/inbox/" + watched + "/stream", streamed::add);
        await().atMost(Duration.ofSeconds(20)).until(() -> streamed.stream().anyMatch(l -> l.startsWith("event:unread")));

        for (String id : experts) {
            assertThat(gateway.post("/api/membership/people/" + id + "/invitations", null).status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(streamed)
                .anyMatch(line -> line.startsWith("event:inbox-item")));
        assertThat(streamed).anyMatch(line -> line.startsWith("data:") && line.contains("\"read\":false"));

        await().atMost(Duration.ofSeconds(60)).until(() -> experts.stream().allMatch(id -> mailFor(id) != null));
        // a Kyrgyz speaker's invitation is in Kyrgyz (Cyrillic), never in English
        assertThat(mailFor(experts.get(2)).subject()).matches(".*\\p{IsCyrillic}.*");
    }

    @Test
    @Order(3)
    void theyAcceptGiveConsentAndTheCoordinatorApproves() {
        String first = experts.get(0);
        // answering the invitation and consenting are the person's own acts (no role yet); approving is the coordinator's
        assertThat(gateway.as(first).post("/api/membership/people/" + first + "/invitation/accept", null).body().get("status")
                .asString()).isEqualTo("ACCEPTED");
        Answer withoutConsent = gateway.post("/api/membership/people/" + first + "/activate", null);
        assertThat(withoutConsent.status()).isEqualTo(409);
        assertThat(withoutConsent.body().get("type").asString()).isEqualTo("/problems/conflict");

        for (String id : experts.subList(0, 3)) {
            if (!id.equals(first)) {
                assertThat(gateway.as(id).post("/api/membership/people/" + id + "/invitation/accept", null).status())
                        .isEqualTo(200);
            }
            assertThat(gateway.as(id).post("/api/membership/people/" + id + "/consent",
                    "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\",\"contact-by-email\"]}").status())
                    .isEqualTo(200);
            assertThat(gateway.post("/api/membership/people/" + id + "/activate", null).body().get("status")
                    .asString()).isEqualTo("ACTIVE");
        }
        assertThat(gateway.as(experts.get(3)).post("/api/membership/people/" + experts.get(3) + "/invitation/decline", null)
                .body().get("status").asString()).isEqualTo("DECLINED");
        assertThat(gateway.post("/api/membership/people/" + experts.get(3) + "/activate", null).status())
                .as("a declined invitation cannot be activated").isEqualTo(409);
    }

    @Test
    @Order(4)
    void progressShowsExpertsPerCountryAgainstThePlan() {
        Answer progress = gateway.get("/api/membership/progress");
        assertThat(progress.status()).isEqualTo(200);
        JsonNode experts = progress.body().get("experts");
        assertThat(experts.get("total").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(experts.get("target").get("min").asInt()).isEqualTo(10);
        assertThat(experts.get("target").get("max").asInt()).isEqualTo(15);
        assertThat(experts.get("perCountry").findValuesAsString("country")).startsWith("KZ", "KG", "TJ", "TM", "UZ");
        JsonNode countries = progress.body().get("countries");
        assertThat(countries.get("codes").toString()).contains("KZ").contains("KG");
        assertThat(countries.get("target").get("min").asInt()).isEqualTo(2);

        Answer activeInKz = gateway.get("/api/membership/people?status=ACTIVE&role=EXPERT&country=KZ&size=100");
        assertThat(activeInKz.body().get("content").findValuesAsString("id")).contains(this.experts.get(0),
                this.experts.get(1));
        assertThat(activeInKz.raw()).as("lists never show contact details").doesNotContain("@example.org");
    }

    @Test
    @Order(5)
    void leavingIsFinal() {
        String id = experts.get(1);
        GatewayClient expert = gateway.as(id, Role.EXPERT); // an active expert leaves of their own accord
        assertThat(gateway.post("/api/membership/people/" + id + "/leave", null).status())
                .as("nobody leaves on someone else's behalf").isEqualTo(403);
        assertThat(expert.post("/api/membership/people/" + id + "/leave", null).body().get("status").asString())
                .isEqualTo("LEFT");
        assertThat(expert.post("/api/membership/people/" + id + "/leave", null).status()).isEqualTo(409);
    }

    private MailMessage mailFor(String personId) {
        int index = experts.indexOf(personId);
        String address = "expert" + index + "." + RUN + "@example.org";
        return stack.mailMessages().stream().filter(m -> m.to() != null && m.to().contains(address)).findFirst()
                .orElse(null);
    }
}
