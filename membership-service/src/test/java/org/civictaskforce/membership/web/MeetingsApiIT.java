package org.civictaskforce.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.membership.Api;
import org.civictaskforce.membership.ResearchCatalogue;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.OffsetClock;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.JsonNode;

/**
 * Meetings over HTTP: validation, 404/409/422 problems, times in three zones, invitations by filter,
 * RSVPs, attendance after the start, minutes, decisions and the discussion progress. The service's
 * clock can be moved forward (the meeting "starts") without waiting.
 */
@ServiceTest
class MeetingsApiIT {
    private static final String MEETINGS = "/api/membership/meetings";
    private static final String PEOPLE = "/api/membership/people";

    /** The system clock plus an offset the tests move forward. */
    @TestConfiguration
    static class Clocks {
        @Bean
        OffsetClock clock() {
            return new OffsetClock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    OffsetClock clock;
    @Autowired
    org.springframework.kafka.core.KafkaTemplate<String, String> kafka;
    @Autowired
    org.civictaskforce.membership.application.InstitutionReadModel catalogue;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private String schedule(String kind, Instant start) {
        return api.expect(201, api.post(MEETINGS, """
                {"title":"Choosing our targets","purpose":"Pick institutions","kind":"%s","agenda":["Welcome","Vote"],
                 "startsAt":"%s","timeZone":"Asia/Bishkek","durationMinutes":90,"onlineLink":"https://meet.example.org/wg"}
                """.formatted(kind, start))).json().get("id").asString();
    }

    private Instant inADay() {
        return clock.instant().plus(Duration.ofDays(1));
    }

    private String person(String country, String extra) {
        String body = Api.person("Meeting Person", "m-" + UUID.randomUUID() + "@example.org", country, "ru",
                "Asia/Bishkek").strip();
        body = body.substring(0, body.length() - 1) + (extra == null ? "" : "," + extra) + "}";
        return api.expect(201, api.post(PEOPLE, body)).json().get("id").asString();
    }

    private String activeExpert(String country) {
        String id = person(country, "\"roles\":[\"EXPERT\"]");
        api.expect(201, api.post(PEOPLE + "/" + id + "/invitations", null));
        api.expect(200, api.as(TestTokens.person(id)).post(PEOPLE + "/" + id + "/invitation/accept", null));
        api.expect(200, api.as(TestTokens.person(id)).post(PEOPLE + "/" + id + "/consent", "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}"));
        api.expect(200, api.post(PEOPLE + "/" + id + "/activate", null));
        return id;
    }

    private String organisation(String country) {
        return api.expect(201, api.post("/api/membership/organisations", """
                {"name":"Org %s","country":"%s","kind":"HUMAN_RIGHTS"}
                """.formatted(UUID.randomUUID(), country))).json().get("id").asString();
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo(type);
    }

    @Test
    void aMeetingAnswersInUtcInItsOwnZoneAndInTheViewersZone() {
        Api.Response created = api.expect(201, api.post(MEETINGS + "?zone=Europe/Berlin", """
                {"title":"Expert meeting","kind":"EXPERT_MEETING","localStart":"2030-05-12T15:00",
                 "timeZone":"Asia/Bishkek","durationMinutes":90,"onlineLink":"https://meet.example.org/x"}
                """));
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.header("Location")).endsWith(MEETINGS + "/" + id);
        assertThat(body.get("startsAt").asString()).isEqualTo("2030-05-12T09:00:00Z");
        assertThat(body.get("endsAt").asString()).isEqualTo("2030-05-12T10:30:00Z");
        assertThat(body.get("local").get("dateTime").asString()).isEqualTo("2030-05-12T15:00:00");
        assertThat(body.get("local").get("timeZone").asString()).isEqualTo("Asia/Bishkek");
        assertThat(body.get("viewer").get("dateTime").asString()).isEqualTo("2030-05-12T11:00:00");
        assertThat(body.get("status").asString()).isEqualTo("SCHEDULED");

        JsonNode newYork = api.expect(200, api.get(MEETINGS + "/" + id + "?zone=America/New_York")).json();
        assertThat(newYork.get("viewer").get("dateTime").asString()).isEqualTo("2030-05-12T05:00:00");
        assertThat(newYork.get("viewer").get("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(newYork.get("onlineLink").asString()).isEqualTo("https://meet.example.org/x");
        JsonNode plain = api.get(MEETINGS + "/" + id).json();
        assertThat(plain.has("viewer")).isFalse();

        // the same instant given with an offset
        JsonNode offset = api.expect(201, api.post(MEETINGS, """
                {"title":"Same time","kind":"OTHER","startsAt":"2030-05-12T15:00:00+06:00",
                 "timeZone":"Asia/Tashkent","durationMinutes":30}
                """)).json();
        assertThat(offset.get("startsAt").asString()).isEqualTo("2030-05-12T09:00:00Z");
        assertThat(offset.get("local").get("dateTime").asString()).isEqualTo("2030-05-12T14:00:00");

        JsonNode listed = api.expect(200, api.get(MEETINGS + "?from=2030-05-12T00:00:00Z&to=2030-05-13T00:00:00Z"
                + "&zone=Asia/Almaty")).json();
        assertThat(listed.get("content")).hasSize(2);
        for (JsonNode meeting : listed.get("content")) {
            assertThat(meeting.has("onlineLink")).isFalse();
            assertThat(meeting.get("viewer").get("timeZone").asString()).isEqualTo("Asia/Almaty");
        }
        assertProblem(api.get(MEETINGS + "/" + id + "?zone=Mars/Olympus"), 400, "/problems/validation");
        assertProblem(api.get(MEETINGS + "?zone=%2B06:00"), 400, "/problems/validation");
    }

    @Test
    void badBodiesAre422ProblemsNamingTheFieldAsIsAPastStart() {
        String start = inADay().toString();
        for (String[] bad : List.of(
                new String[] { "{\"kind\":\"OTHER\",\"startsAt\":\"" + start + "\",\"timeZone\":\"Asia/Almaty\",\"durationMinutes\":60}", "title" },
                new String[] { "{\"title\":\"T\",\"startsAt\":\"" + start + "\",\"timeZone\":\"Asia/Almaty\",\"durationMinutes\":60}", "kind" },
                new String[] { "{\"title\":\"T\",\"kind\":\"OTHER\",\"startsAt\":\"" + start + "\",\"timeZone\":\"Asia/Nowhere\",\"durationMinutes\":60}", "timeZone" },
                new String[] { "{\"title\":\"T\",\"kind\":\"OTHER\",\"timeZone\":\"Asia/Almaty\",\"durationMinutes\":60}", "start" },
                new String[] { "{\"title\":\"T\",\"kind\":\"OTHER\",\"startsAt\":\"" + start + "\",\"localStart\":\"2030-01-01T10:00\",\"timeZone\":\"Asia/Almaty\",\"durationMinutes\":60}", "start" },
                new String[] { "{\"title\":\"T\",\"kind\":\"OTHER\",\"startsAt\":\"" + start + "\",\"timeZone\":\"Asia/Almaty\",\"durationMinutes\":0}", "durationMinutes" },
                new String[] { "{\"title\":\"T\",\"kind\":\"OTHER\",\"startsAt\":\"" + start + "\",\"timeZone\":\"Asia/Almaty\",\"durationMinutes\":60,\"onlineLink\":\"http://x.org\"}", "onlineLink" })) {
            Api.Response response = api.post(MEETINGS, bad[0]);
            assertProblem(response, 422, "/problems/validation");
            List<String> fields = new ArrayList<>();
            response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).as(bad[0]).contains(bad[1]);
        }
        assertProblem(api.post(MEETINGS, "{\"title\":\"T\",\"kind\":\"PARTY\"}"), 400, "/problems/malformed-request");
        assertProblem(api.post(MEETINGS, "{\"title\":\"T\",\"kind\":\"OTHER\",\"startsAt\":\""
                + clock.instant().minusSeconds(60) + "\",\"timeZone\":\"Asia/Almaty\",\"durationMinutes\":60}"),
                422, "/problems/domain-rule");
        String missing = UUID.randomUUID().toString();
        assertProblem(api.get(MEETINGS + "/" + missing), 404, "/problems/not-found");
        assertProblem(api.post(MEETINGS + "/" + missing + "/cancel", null), 404, "/problems/not-found");
        assertProblem(api.as(TestTokens.person("p")).post(MEETINGS + "/" + missing + "/rsvp", "{\"personId\":\"p\",\"response\":\"YES\"}"), 404,
                "/problems/not-found");
        assertProblem(api.get(MEETINGS + "?status=DONE"), 400, "/problems/validation");
        assertProblem(api.get(MEETINGS + "?from=yesterday"), 400, "/problems/validation");
    }

    @Test
    void rescheduleAndCancelAndTheConflictsAfterwards() {
        String id = schedule("EXPERT_MEETING", inADay());
        String invitee = person("KZ", null);
        api.expect(200, api.post(MEETINGS + "/" + id + "/invitations", "{\"personIds\":[\"" + invitee + "\"]}"));

        JsonNode moved = api.expect(200, api.post(MEETINGS + "/" + id + "/reschedule",
                "{\"localStart\":\"2031-01-10T10:00\",\"timeZone\":\"Asia/Almaty\",\"durationMinutes\":45}")).json();
        assertThat(moved.get("startsAt").asString()).isEqualTo("2031-01-10T05:00:00Z");
        assertThat(moved.get("local").get("timeZone").asString()).isEqualTo("Asia/Almaty");
        assertThat(moved.get("durationMinutes").asInt()).isEqualTo(45);
        JsonNode keptZone = api.expect(200, api.post(MEETINGS + "/" + id + "/reschedule",
                "{\"localStart\":\"2031-01-11T10:00\"}")).json();
        assertThat(keptZone.get("startsAt").asString()).isEqualTo("2031-01-11T05:00:00Z");
        assertProblem(api.post(MEETINGS + "/" + id + "/reschedule", "{}"), 422, "/problems/validation");

        JsonNode cancelled = api.expect(200, api.post(MEETINGS + "/" + id + "/cancel", null)).json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.has("cancelledAt")).isTrue();
        assertProblem(api.post(MEETINGS + "/" + id + "/cancel", null), 409, "/problems/conflict");
        assertProblem(api.post(MEETINGS + "/" + id + "/reschedule", "{\"startsAt\":\"2031-02-01T10:00:00Z\"}"), 409,
                "/problems/conflict");
        assertProblem(api.as(TestTokens.bearer(invitee, Role.EXPERT)).post(MEETINGS + "/" + id + "/rsvp",
                "{\"personId\":\"" + invitee + "\",\"response\":\"YES\"}"), 409, "/problems/conflict");
        assertProblem(api.post(MEETINGS + "/" + id + "/invitations", "{\"personIds\":[\"" + invitee + "\"]}"), 409,
                "/problems/conflict");
        assertThat(api.get(MEETINGS + "?status=CANCELLED").json().get("content").toString()).contains(id);
        assertThat(api.get(MEETINGS + "?status=SCHEDULED").json().get("content").toString()).doesNotContain(id);
    }

    @Test
    void inviteByFilterRsvpAttendAfterTheStartRecordMinutesAndDecide() {
        // Kyrgyzstan's active experts, and people the filter must leave out
        String org = organisation("KG");
        String orgUz = organisation("UZ");
        String kg1 = activeExpert("KG");
        String kg2 = activeExpert("KG");
        String kz = activeExpert("KZ");
        String candidate = person("KG", "\"roles\":[\"EXPERT\"]");
        api.expect(200, api.put(PEOPLE + "/" + kg1 + "/affiliations", "{\"organisationIds\":[\"" + org + "\"]}"));
        api.expect(200, api.put(PEOPLE + "/" + kz + "/affiliations", "{\"organisationIds\":[\"" + orgUz + "\"]}"));
        String id = schedule("DISCUSSION", inADay());

        String filter = "{\"filter\":{\"status\":\"ACTIVE\",\"role\":\"EXPERT\",\"country\":\"kg\"}}";
        JsonNode invited = api.expect(200, api.post(MEETINGS + "/" + id + "/invitations", filter)).json();
        assertThat(invited.get("invited").toString()).contains(kg1, kg2).doesNotContain(kz, candidate);
        JsonNode again = api.expect(200, api.post(MEETINGS + "/" + id + "/invitations", filter)).json();
        assertThat(again.get("invited")).isEmpty();
        assertThat(again.get("alreadyInvited").toString()).contains(kg1, kg2);
        JsonNode byId = api.expect(200, api.post(MEETINGS + "/" + id + "/invitations",
                "{\"personIds\":[\"" + kz + "\",\"" + kg1 + "\"]}")).json();
        assertThat(byId.get("invited").toString()).isEqualTo("[\"" + kz + "\"]");
        assertThat(byId.get("invitees").asInt()).isEqualTo(invited.get("invitees").asInt() + 1);
        assertProblem(api.post(MEETINGS + "/" + id + "/invitations", "{\"personIds\":[\"nobody\"]}"), 422,
                "/problems/domain-rule");
        assertProblem(api.post(MEETINGS + "/" + id + "/invitations", "{}"), 422, "/problems/validation");
        assertProblem(api.post(MEETINGS + "/" + id + "/invitations",
                "{\"filter\":{\"country\":\"XX\"}}"), 422, "/problems/validation");

        api.expect(200, api.as(TestTokens.bearer(kg1, Role.EXPERT)).post(MEETINGS + "/" + id + "/rsvp", "{\"personId\":\"" + kg1 + "\",\"response\":\"MAYBE\"}"));
        JsonNode answered = api.expect(200, api.as(TestTokens.bearer(kg1, Role.EXPERT)).post(MEETINGS + "/" + id + "/rsvp",
                "{\"personId\":\"" + kg1 + "\",\"response\":\"YES\"}")).json();
        api.expect(200, api.as(TestTokens.bearer(kz, Role.EXPERT)).post(MEETINGS + "/" + id + "/rsvp", "{\"personId\":\"" + kz + "\",\"response\":\"NO\"}"));
        assertThat(answered.get("invitations").get("yes").asInt()).isEqualTo(1);
        assertThat(answered.get("invitations").get("maybe").asInt()).isZero();
        // a member who is not invited is told so; a candidate (no role yet) gets the unknown meeting's 404
        assertProblem(api.as(TestTokens.bearer(candidate, Role.MEMBER)).post(MEETINGS + "/" + id + "/rsvp",
                "{\"personId\":\"" + candidate + "\",\"response\":\"YES\"}"), 422, "/problems/domain-rule");
        assertProblem(api.as(TestTokens.person(candidate)).post(MEETINGS + "/" + id + "/rsvp",
                "{\"response\":\"YES\"}"), 404, "/problems/not-found");
        // nobody answers for someone else, not even a coordinator
        assertProblem(api.post(MEETINGS + "/" + id + "/rsvp", "{\"personId\":\"" + kg2 + "\",\"response\":\"NO\"}"),
                403, "/problems/forbidden");
        assertProblem(api.as(TestTokens.bearer(kg1, Role.EXPERT)).post(MEETINGS + "/" + id + "/rsvp", "{\"personId\":\"" + kg1 + "\",\"response\":\"SURE\"}"),
                400, "/problems/malformed-request");

        String attend = "{\"attendeeIds\":[\"" + kg1 + "\",\"" + kz + "\"]}";
        assertProblem(api.post(MEETINGS + "/" + id + "/attendance", attend), 409, "/problems/conflict");
        assertProblem(api.put(MEETINGS + "/" + id + "/minutes", "{\"text\":\"early\"}"), 409, "/problems/conflict");
        JsonNode progressBefore = api.get("/api/membership/progress").json().get("discussion");

        clock.advance(Duration.ofDays(1).plusMinutes(5));
        assertProblem(api.post(MEETINGS + "/" + id + "/attendance", "{\"attendeeIds\":[\"nobody\"]}"), 422,
                "/problems/domain-rule");
        JsonNode held = api.expect(200, api.post(MEETINGS + "/" + id + "/attendance", attend)).json();
        assertThat(held.get("status").asString()).isEqualTo("HELD");
        assertThat(held.get("attendance").get("organisationIds").toString()).contains(org, orgUz);
        assertThat(held.get("attendance").get("countries").toString()).isEqualTo("[\"KG\",\"KZ\",\"UZ\"]");
        assertProblem(api.as(TestTokens.bearer(kg2, Role.EXPERT)).post(MEETINGS + "/" + id + "/rsvp", "{\"personId\":\"" + kg2 + "\",\"response\":\"YES\"}"),
                409, "/problems/conflict");

        JsonNode minutes = api.expect(200, api.put(MEETINGS + "/" + id + "/minutes",
                "{\"text\":\"We chose our targets.\"}")).json();
        assertThat(minutes.get("minutes").get("text").asString()).isEqualTo("We chose our targets.");
        // target institutions are ids of research's catalogue, as membership knows it from its events:
        // "world-bank" is not one ("wb" is), and before the catalogue arrived nothing is known
        Api.Response unknown = api.post(MEETINGS + "/" + id + "/decisions",
                "{\"kind\":\"TARGET_INSTITUTIONS\",\"institutionIds\":[\"wb\",\"world-bank\"]}");
        assertProblem(unknown, 422, "/problems/domain-rule");
        assertThat(unknown.json().get("detail").asString()).contains("world-bank").contains("wb");
        ResearchCatalogue.announce(kafka, catalogue, "wb", "ebrd");
        unknown = api.post(MEETINGS + "/" + id + "/decisions",
                "{\"kind\":\"TARGET_INSTITUTIONS\",\"institutionIds\":[\"wb\",\"world-bank\"]}");
        assertProblem(unknown, 422, "/problems/domain-rule");
        assertThat(unknown.json().get("detail").asString()).endsWith(": world-bank");
        assertThat(api.get(MEETINGS + "/" + id).json().path("decisions")).as("nothing stored").isEmpty();
        assertThat(mongo.findById(id, org.civictaskforce.membership.persistence.MeetingDocument.class).getOutbox()
                .stream().map(e -> e.type())).noneMatch(t -> t.endsWith("decision-recorded"));

        JsonNode decided = api.expect(201, api.post(MEETINGS + "/" + id + "/decisions",
                "{\"kind\":\"TARGET_INSTITUTIONS\",\"institutionIds\":[\"wb\",\"ebrd\"]}")).json();
        JsonNode decision = decided.get("decisions").get(0);
        assertThat(decision.get("kind").asString()).isEqualTo("TARGET_INSTITUTIONS");
        assertThat(decision.get("institutionIds").toString()).isEqualTo("[\"wb\",\"ebrd\"]");
        assertThat(decision.get("id").asString()).isNotBlank();
        api.expect(201, api.post(MEETINGS + "/" + id + "/decisions", "{\"kind\":\"GENERAL\",\"text\":\"Meet in June\"}"));
        assertProblem(api.post(MEETINGS + "/" + id + "/decisions", "{\"kind\":\"TARGET_INSTITUTIONS\"}"), 422,
                "/problems/validation");
        assertProblem(api.post(MEETINGS + "/" + id + "/decisions",
                "{\"kind\":\"TARGET_INSTITUTIONS\",\"institutionIds\":[\"World Bank\"]}"), 422, "/problems/validation");
        assertProblem(api.post(MEETINGS + "/" + id + "/decisions", "{\"kind\":\"GENERAL\"}"), 422,
                "/problems/validation");

        JsonNode read = api.get(MEETINGS + "/" + id).json();
        assertThat(read.get("decisions")).hasSize(2);
        assertThat(read.get("invitees")).hasSize(3);

        JsonNode progress = api.get("/api/membership/progress").json().get("discussion");
        assertThat(progress.get("tracked").asBoolean()).isTrue();
        assertThat(progress.get("organisations").asLong()).isEqualTo(progressBefore.get("organisations").asLong() + 2);
        assertThat(progress.get("countries").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(progress.get("organisationsTarget").get("min").asInt()).isEqualTo(20);
        assertThat(progress.get("countriesTarget").asInt()).isEqualTo(4);
    }

    @Test
    void theListFiltersByStatusKindAndTimeAndPaginates() {
        Instant base = clock.instant().plus(Duration.ofDays(400));
        String a = schedule("EXPERT_MEETING", base.plus(Duration.ofHours(1)));
        String b = schedule("DISCUSSION", base.plus(Duration.ofHours(2)));
        String c = schedule("DISCUSSION", base.plus(Duration.ofHours(3)));
        String window = "from=" + base + "&to=" + base.plus(Duration.ofDays(1));

        assertThat(ids(api.get(MEETINGS + "?" + window).json())).containsExactly(a, b, c);
        assertThat(ids(api.get(MEETINGS + "?kind=DISCUSSION&" + window).json())).containsExactly(b, c);
        JsonNode page = api.get(MEETINGS + "?" + window + "&size=2&page=1").json();
        assertThat(ids(page)).containsExactly(c);
        assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(3);
        assertThat(ids(api.get(MEETINGS + "?from=" + base.plus(Duration.ofMinutes(90)) + "&to="
                + base.plus(Duration.ofMinutes(150))).json())).containsExactly(b);
        assertProblem(api.get(MEETINGS + "?size=101"), 400, "/problems/validation");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(m -> ids.add(m.get("id").asString()));
        return ids;
    }
}
