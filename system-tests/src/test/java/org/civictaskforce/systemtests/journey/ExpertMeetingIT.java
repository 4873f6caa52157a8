package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.devstack.Devstack;
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
 * Journey 2, the expert meeting, through the gateway: schedule an online meeting in Bishkek time,
 * invite all active experts in Kyrgyzstan by filter, record their answers and attendance, record the
 * decision "target these institutions" — and research-service follows it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExpertMeetingIT {
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    GatewayClient gateway;
    final List<String> kyrgyzExperts = new ArrayList<>();
    String kazakhExpert;
    String organisationId;
    String meetingId;
    Instant startsAt;

    @BeforeAll
    void start() {
        SystemUnderTest.stack();
        gateway = SystemUnderTest.gateway();
    }

    @Test
    @Order(1)
    void activeExpertsExist() {
        organisationId = gateway.post("/api/membership/organisations", """
                {"name":"Meeting CSO %s","country":"KG","kind":"ENVIRONMENT","focusAreas":["mining"]}""".formatted(RUN))
                .body().get("id").asString();
        for (int i = 0; i < 3; i++) {
            String country = i < 2 ? "KG" : "KZ";
            String zone = i < 2 ? "Asia/Bishkek" : "Asia/Almaty";
            String id = gateway.post("/api/membership/people", """
                    {"displayName":"Meeting expert %2$d","email":"meeting%2$d.%1$s@example.org","country":"%3$s",\
                    "preferredLanguage":"ru","timeZone":"%4$s","roles":["EXPERT"]}""".formatted(RUN, i, country, zone))
                    .body().get("id").asString();
            gateway.post("/api/membership/people/" + id + "/invitations", null);
            gateway.as(id).post("/api/membership/people/" + id + "/invitation/accept", null);
            gateway.as(id).post("/api/membership/people/" + id + "/consent", "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}");
            assertThat(gateway.post("/api/membership/people/" + id + "/activate", null).body().get("status").asString())
                    .isEqualTo("ACTIVE");
            if (i < 2) {
                kyrgyzExperts.add(id);
            } else {
                kazakhExpert = id;
            }
        }
        assertThat(gateway.put("/api/membership/people/" + kyrgyzExperts.get(0) + "/affiliations",
                "{\"organisationIds\":[\"" + organisationId + "\"]}").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void scheduleInBishkekTimeSeenInEveryonesZone() {
        startsAt = Instant.now().plusSeconds(45).truncatedTo(ChronoUnit.SECONDS);
        Answer scheduled = gateway.post("/api/membership/meetings?zone=Europe/Berlin", """
                {"title":"Choosing our target institutions %s","kind":"EXPERT_MEETING","agenda":["Shortlist","Vote"],\
                "startsAt":"%s","timeZone":"Asia/Bishkek","durationMinutes":60,"onlineLink":"https://meet.example.org/wg"}"""
                .formatted(RUN, startsAt));
        assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(201);
        meetingId = scheduled.body().get("id").asString();
        assertThat(scheduled.body().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(scheduled.body().get("local").get("timeZone").asString()).isEqualTo("Asia/Bishkek");
        assertThat(LocalDateTime.parse(scheduled.body().get("local").get("dateTime").asString()))
                .isEqualTo(LocalDateTime.ofInstant(startsAt, ZoneId.of("Asia/Bishkek")));
        assertThat(LocalDateTime.parse(scheduled.body().get("viewer").get("dateTime").asString()))
                .isEqualTo(LocalDateTime.ofInstant(startsAt, ZoneId.of("Europe/Berlin")));
        assertThat(gateway.get("/api/membership/meetings/" + meetingId + "?zone=Mars/Olympus").status())
                .as("an unknown zone is a 400 problem").isEqualTo(400);
    }

    @Test
    @Order(3)
    void inviteAllActiveExpertsInKyrgyzstanByFilter() {
        String filter = "{\"filter\":{\"status\":\"ACTIVE\",\"role\":\"EXPERT\",\"country\":\"KG\"}}";
        Answer invited = gateway.post("/api/membership/meetings/" + meetingId + "/invitations", filter);
        assertThat(invited.status()).as(invited.raw()).isEqualTo(200);
        List<String> ids = invited.body().get("invited").valueStream().map(JsonNode::asString).toList();
        assertThat(ids).containsAll(kyrgyzExperts).doesNotContain(kazakhExpert);
        Answer again = gateway.post("/api/membership/meetings/" + meetingId + "/invitations", filter);
        assertThat(again.body().get("invited")).isEmpty();
    }

    @Test
    @Order(4)
    void eachInviteeIsToldInTheirLanguageWithTheTimeInTheirZone() {
        Devstack stack = SystemUnderTest.stack();
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            for (int i = 0; i < 2; i++) {
                String address = "meeting" + i + "." + RUN + "@example.org";
                assertThat(stack.mailMessages()).as("meeting invitation to expert %s", i)
                        .anyMatch(m -> m.to().contains(address) && m.subject().startsWith("Приглашение: Choosing"));
            }
        });
        assertThat(stack.mailMessages()).noneMatch(m -> m.to().contains("meeting2." + RUN)
                && m.subject().contains("Choosing our target institutions " + RUN));
        // the inbox is its own channel: it may land a moment after the e-mail
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                gateway.as(kyrgyzExperts.get(0), Role.EXPERT).get("/api/notifications/inbox/" + kyrgyzExperts.get(0)).raw())
                .contains("Choosing our target institutions " + RUN));
    }

    @Test
    @Order(5)
    void answersAreRecordedAndOnlyInviteesMayAnswer() {
        assertThat(rsvp(kyrgyzExperts.get(0), "YES").status()).isEqualTo(200);
        Answer maybe = rsvp(kyrgyzExperts.get(1), "MAYBE");
        assertThat(maybe.body().get("invitations").get("yes").asInt()).isEqualTo(1);
        assertThat(maybe.body().get("invitations").get("maybe").asInt()).isEqualTo(1);
        Answer stranger = rsvp(kazakhExpert, "YES");
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.body().get("type").asString()).isEqualTo("/problems/domain-rule");
    }

    @Test
    @Order(6)
    void remindersGoOutBeforeTheStartToThoseWhoDidNotDecline() {
        Devstack stack = SystemUnderTest.stack();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(stack.mailMessages())
                .filteredOn(m -> m.to().contains("meeting0." + RUN) && m.subject().startsWith("Напоминание:"))
                .as("two reminders (%s before the start)", SystemUnderTest.REMINDER_OFFSETS).hasSize(2));
        assertThat(stack.mailMessages()).filteredOn(m -> m.to().contains("meeting1." + RUN)
                && m.subject().startsWith("Напоминание:")).isNotEmpty();
    }

    @Test
    @Order(7)
    void attendanceAfterTheStartAndTheDecisionReachesResearch() {
        String attendance = "{\"attendeeIds\":[\"" + kyrgyzExperts.get(0) + "\",\"" + kyrgyzExperts.get(1) + "\"]}";
        if (Instant.now().isBefore(startsAt)) {
            assertThat(gateway.post("/api/membership/meetings/" + meetingId + "/attendance", attendance).status())
                    .as("attendance before the start").isEqualTo(409);
        }
        await().atMost(Duration.ofSeconds(70)).until(() -> Instant.now().isAfter(startsAt.plusSeconds(1)));
        Answer held = gateway.post("/api/membership/meetings/" + meetingId + "/attendance", attendance);
        assertThat(held.status()).as(held.raw()).isEqualTo(200);
        assertThat(held.body().get("status").asString()).isEqualTo("HELD");
        assertThat(held.body().get("attendance").get("organisationIds").toString()).contains(organisationId);

        // membership knows the catalogue from research's events (InstitutionCatalogued at research's start);
        // until they have arrived a decision is refused with a 422 that stores nothing, so asking again is safe
        Answer[] answer = new Answer[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            answer[0] = gateway.post("/api/membership/meetings/" + meetingId + "/decisions",
                    "{\"kind\":\"TARGET_INSTITUTIONS\",\"institutionIds\":[\"wb\",\"ebrd\",\"fatf\"]}");
            return answer[0].status() != 422;
        });
        Answer decided = answer[0];
        assertThat(decided.status()).as(decided.raw()).isEqualTo(201);
        String decisionId = decided.body().get("decisions").get(0).get("id").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer targets = gateway.get("/api/research/target-institutions");
            assertThat(targets.status()).isEqualTo(200);
            assertThat(targets.body().get("decisionId").asString()).isEqualTo(decisionId);
            assertThat(targets.body().get("meetingId").asString()).isEqualTo(meetingId);
            assertThat(targets.body().get("institutionIds").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("wb", "ebrd", "fatf");
        });
    }

    /** Each expert answers for themself, signed in with the role membership gave them. */
    private Answer rsvp(String personId, String response) {
        return gateway.as(personId, Role.EXPERT).post("/api/membership/meetings/" + meetingId + "/rsvp",
                "{\"personId\":\"" + personId + "\",\"response\":\"" + response + "\"}");
    }
}
