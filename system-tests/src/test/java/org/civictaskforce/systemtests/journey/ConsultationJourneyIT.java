package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.platform.security.Role;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Journey 5, discussion and strategy, through the gateway: organisations in four countries and one
 * active member of each; a draft strategy; a consultation round inviting the organisations with a
 * deadline in Tashkent time a few seconds ahead; a comment from each country, one resolved; the round
 * closes by itself at its deadline and a late comment is refused; participation counted; the strategy
 * adopted and immutable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsultationJourneyIT {
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ZONE = "Asia/Tashkent";
    static final String[][] COUNTRIES = { { "KZ", "kk", "Asia/Almaty" }, { "KG", "ky", "Asia/Bishkek" },
            { "UZ", "uz", "Asia/Tashkent" }, { "TJ", "tg", "Asia/Dushanbe" } };

    GatewayClient gateway;
    final List<String> organisations = new ArrayList<>();
    final List<String> people = new ArrayList<>();
    int version;
    String round;
    String firstComment;
    LocalDateTime deadline;

    @BeforeAll
    void start() {
        SystemUnderTest.stack();
        gateway = SystemUnderTest.gateway();
    }

    @Test
    @Order(1)
    void organisationsAndActiveMembersInFourCountries() {
        for (String[] c : COUNTRIES) {
            Answer org = gateway.post("/api/membership/organisations", """
                    {"name":"Consult %s %s","country":"%s","kind":"HUMAN_RIGHTS","focusAreas":["civic-space"]}"""
                    .formatted(c[0], RUN, c[0]));
            assertThat(org.status()).as(org.raw()).isEqualTo(201);
            String orgId = org.body().get("id").asString();
            assertThat(gateway.post("/api/membership/organisations/" + orgId + "/invitation", null).status()).isEqualTo(200);
            assertThat(gateway.post("/api/membership/organisations/" + orgId + "/join", null).status()).isEqualTo(200);
            organisations.add(orgId);

            Answer person = gateway.post("/api/membership/people", """
                    {"displayName":"Member %1$s","fullName":"Member Consulttest %1$s","email":"consult.%1$s.%2$s@example.org",\
                    "country":"%1$s","preferredLanguage":"%3$s","timeZone":"%4$s","roles":["MEMBER"],"expertise":["ifis"]}"""
                    .formatted(c[0], RUN, c[1], c[2]));
            assertThat(person.status()).as(person.raw()).isEqualTo(201);
            String id = person.body().get("id").asString();
            assertThat(gateway.put("/api/membership/people/" + id + "/affiliations",
                    "{\"organisationIds\":[\"" + orgId + "\"]}").status()).isEqualTo(200);
            assertThat(gateway.post("/api/membership/people/" + id + "/invitations", null).status()).isEqualTo(201);
            assertThat(gateway.as(id).post("/api/membership/people/" + id + "/invitation/accept", null).status()).isEqualTo(200);
            assertThat(gateway.as(id).post("/api/membership/people/" + id + "/consent",
                    "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}").status()).isEqualTo(200);
            Answer active = gateway.post("/api/membership/people/" + id + "/activate", null);
            assertThat(active.body().get("status").asString()).as(active.raw()).isEqualTo("ACTIVE");
            people.add(id);
        }
    }

    @Test
    @Order(2)
    void aDraftStrategyGoesToConsultation() {
        Answer draft = gateway.post("/api/strategy/versions", null);
        assertThat(draft.status()).as(draft.raw()).isIn(201, 409); // 409: another journey left a draft open
        for (var v : GatewayClient.JSON.readTree(gateway.get("/api/strategy/versions").raw())) {
            if ("DRAFT".equals(v.get("status").asString())) {
                version = v.get("version").asInt();
            }
        }
        assertThat(version).isPositive();
        Answer edited = gateway.put("/api/strategy/versions/" + version, """
                {"content":{"context":"Civic space in Central Asia and the IFIs.",
                 "goals":["Open budgets for IFI projects","Safe participation of CSOs"],
                 "targetInstitutions":["world-bank","ebrd"],"objectives":["Consult CSOs in four countries"],
                 "actions":[{"text":"Brief the EBRD","ownerId":"%s","due":"2027-03-01","status":"PLANNED"}],
                 "indicators":["Organisations from four countries commented"],
                 "risks":[{"description":"Reprisals against participants","reprisal":true,"mitigation":"Anonymous comments"}]}}"""
                .formatted(people.get(0)));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(gateway.anonymous().get("/api/strategy/versions/" + version).status()).isEqualTo(401);

        deadline = LocalDateTime.now(ZoneId.of(ZONE)).plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
        Answer opened = gateway.post("/api/strategy/consultations", """
                {"subjectKind":"STRATEGY_VERSION","subjectRef":"%d","deadline":"%s","timeZone":"%s",
                 "invitedOrganisations":["%s"]}""".formatted(version, deadline, ZONE, String.join("\",\"", organisations)));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        round = opened.body().get("id").asString();
        assertThat(opened.body().get("deadlineLocal").asString()).startsWith(deadline.toString().substring(0, 16));
        assertThat(opened.body().get("timeZone").asString()).isEqualTo(ZONE);
    }

    @Test
    @Order(3)
    void membersFromFourCountriesCommentOneCommentIsResolved() {
        String comments = "/api/strategy/consultations/" + round + "/comments";
        for (int i = 0; i < people.size(); i++) {
            GatewayClient member = gateway.as(people.get(i), Role.MEMBER);
            String body = "{\"sectionKey\":\"goals\",\"quote\":\"Open budgets\",\"text\":\"Comment from "
                    + COUNTRIES[i][0] + "\"}";
            // invited through their organisation: allowed once the affiliation has reached strategy-service
            Answer[] answer = new Answer[1];
            await().atMost(Duration.ofSeconds(20)).until(() -> (answer[0] = member.post(comments, body)).status() != 403);
            assertThat(answer[0].status()).as(answer[0].raw()).isEqualTo(201);
            if (i == 0) {
                firstComment = answer[0].body().get("id").asString();
            }
        }
        Answer othersComment = gateway.as(people.get(1), Role.MEMBER).put(comments + "/" + firstComment,
                "{\"text\":\"not mine\"}");
        assertThat(othersComment.status()).isEqualTo(403);
        Answer notByMember = gateway.as(people.get(0), Role.MEMBER).post(comments + "/" + firstComment + "/resolution",
                "{\"outcome\":\"ACCEPTED\"}");
        assertThat(notByMember.status()).isEqualTo(403);
        Answer resolved = gateway.post(comments + "/" + firstComment + "/resolution", "{\"outcome\":\"ACCEPTED\"}");
        assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);
        assertThat(resolved.body().get("resolution").get("outcome").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    @Order(4)
    void theRoundClosesAtItsDeadlineAndALateCommentIsRefused() {
        String path = "/api/strategy/consultations/" + round;
        assertThat(gateway.post("/api/strategy/versions/" + version + "/adopt", null).status())
                .as("not before the consultation closed").isEqualTo(409);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> "CLOSED".equals(gateway.get(path).body().get("status").asString()));
        Answer late = gateway.as(people.get(2), Role.MEMBER).post(path + "/comments",
                "{\"sectionKey\":\"goals\",\"text\":\"Too late\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("detail").asString()).contains("closed at its deadline").contains(ZONE);

        Answer participation = gateway.get(path + "/participation");
        assertThat(participation.body().get("countries").asInt()).isEqualTo(4);
        assertThat(participation.body().get("organisations").asInt()).isEqualTo(4);
        assertThat(participation.body().get("targetCountries").asInt()).isEqualTo(4);
    }

    @Test
    @Order(5)
    void theStrategyIsAdoptedAndImmutable() {
        Answer adopted = gateway.post("/api/strategy/versions/" + version + "/adopt", null);
        assertThat(adopted.status()).as(adopted.raw()).isEqualTo(200);
        assertThat(adopted.body().get("status").asString()).isEqualTo("ADOPTED");
        Answer change = gateway.put("/api/strategy/versions/" + version, "{\"content\":{\"context\":\"changed\"}}");
        assertThat(change.status()).isEqualTo(409);
        assertThat(gateway.as(people.get(0), Role.MEMBER).get("/api/strategy/versions/" + version).body()
                .get("status").asString()).isEqualTo("ADOPTED");
    }
}
