package org.civictaskforce.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.civictaskforce.membership.Api;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what in membership-service: every row of {@link #TABLE} is one endpoint on the caller's
 * own object ({@code {own}}) or someone else's ({@code {other}}), and each column the status a kind of
 * caller gets. Each cell runs as its own test against the running service (real HTTP, real tokens
 * checked by the resource server, embedded Kafka, the wire-compatible store) on fresh fixtures, so a
 * failing cell names itself: {@code "MEMBER  POST /people/{other}/leave"}.
 *
 * <p>Callers: {@code anon} sends no token; {@code invited} is the own person signed in without any
 * role (invited, not yet active); {@code observer} … {@code translator} are the own person with that
 * one role; {@code coordinator} is a coordinator account that is none of the fixture people. For a
 * meeting, {@code {own}} is a meeting the own person is invited to and {@code {other}} one they are
 * not invited to.
 */
@ServiceTest
class MembershipAccessMatrixIT {

    static final String TABLE = """
            endpoint                                    | anon | invited | observer | member | expert | translator | coordinator
            GET  /people/{own}                          | 401  | 200     | 200      | 200    | 200    | 200        | 200
            GET  /people/{other}                        | 401  | 403     | 200      | 200    | 200    | 200        | 200
            GET  /people                                | 401  | 403     | 200      | 200    | 200    | 200        | 200
            GET  /people/me                             | 401  | 200     | 200      | 200    | 200    | 200        | 404
            PATCH /people/me                            | 401  | 200     | 200      | 200    | 200    | 200        | 404
            POST /people                                | 401  | 403     | 403      | 403    | 403    | 403        | 201
            POST /people/{own}/invitations              | 401  | 403     | 403      | 403    | 403    | 403        | 201
            POST /people/{other}/invitations            | 401  | 403     | 403      | 403    | 403    | 403        | 201
            POST /people/{own}/invitation/accept        | 401  | 200     | 200      | 200    | 200    | 200        | 403
            POST /people/{other}/invitation/accept      | 401  | 403     | 403      | 403    | 403    | 403        | 403
            POST /people/{own}/invitation/decline       | 401  | 200     | 200      | 200    | 200    | 200        | 403
            POST /people/{other}/invitation/decline     | 401  | 403     | 403      | 403    | 403    | 403        | 403
            POST /people/{own}/consent                  | 401  | 200     | 200      | 200    | 200    | 200        | 403
            POST /people/{other}/consent                | 401  | 403     | 403      | 403    | 403    | 403        | 403
            POST /people/{own}/activate                 | 401  | 403     | 403      | 403    | 403    | 403        | 200
            POST /people/{other}/activate               | 401  | 403     | 403      | 403    | 403    | 403        | 200
            POST /people/{own}/leave                    | 401  | 200     | 200      | 200    | 200    | 200        | 403
            POST /people/{other}/leave                  | 401  | 403     | 403      | 403    | 403    | 403        | 403
            POST /people/{own}/remove                   | 401  | 403     | 403      | 403    | 403    | 403        | 200
            POST /people/{other}/remove                 | 401  | 403     | 403      | 403    | 403    | 403        | 200
            PUT  /people/{own}/profile                  | 401  | 200     | 200      | 200    | 200    | 200        | 200
            PUT  /people/{other}/profile                | 401  | 403     | 403      | 403    | 403    | 403        | 200
            PUT  /people/{own}/profile +roles           | 401  | 403     | 403      | 403    | 403    | 403        | 200
            PUT  /people/{other}/profile +roles         | 401  | 403     | 403      | 403    | 403    | 403        | 200
            PUT  /people/{own}/affiliations             | 401  | 200     | 200      | 200    | 200    | 200        | 200
            PUT  /people/{other}/affiliations           | 401  | 403     | 403      | 403    | 403    | 403        | 200
            POST /people/{own}/erasure                  | 401  | 202     | 202      | 202    | 202    | 202        | 202
            POST /people/{other}/erasure                | 401  | 403     | 403      | 403    | 403    | 403        | 202
            GET  /organisations                         | 401  | 403     | 200      | 200    | 200    | 200        | 200
            GET  /organisations/{other}                 | 401  | 403     | 200      | 200    | 200    | 200        | 200
            POST /organisations                         | 401  | 403     | 403      | 403    | 403    | 403        | 201
            POST /organisations/{other}/invitation      | 401  | 403     | 403      | 403    | 403    | 403        | 200
            GET  /meetings                              | 401  | 403     | 200      | 200    | 200    | 200        | 200
            GET  /meetings/{own}                        | 401  | 200     | 200      | 200    | 200    | 200        | 200
            GET  /meetings/{other}                      | 401  | 404     | 200      | 200    | 200    | 200        | 200
            GET  /meetings/{own}/calendar.ics           | 401  | 200     | 200      | 200    | 200    | 200        | 200
            GET  /meetings/{other}/calendar.ics         | 401  | 404     | 200      | 200    | 200    | 200        | 200
            POST /meetings                              | 401  | 403     | 403      | 403    | 403    | 403        | 201
            POST /meetings/{other}/reschedule           | 401  | 403     | 403      | 403    | 403    | 403        | 200
            POST /meetings/{other}/cancel               | 401  | 403     | 403      | 403    | 403    | 403        | 200
            POST /meetings/{other}/invitations          | 401  | 403     | 403      | 403    | 403    | 403        | 200
            POST /meetings/{other}/attendance           | 401  | 403     | 403      | 403    | 403    | 403        | 409
            PUT  /meetings/{other}/minutes              | 401  | 403     | 403      | 403    | 403    | 403        | 409
            POST /meetings/{other}/decisions            | 401  | 403     | 403      | 403    | 403    | 403        | 409
            POST /meetings/{own}/rsvp                   | 401  | 200     | 200      | 200    | 200    | 200        | 422
            POST /meetings/{other}/rsvp                 | 401  | 404     | 422      | 422    | 422    | 422        | 422
            POST /meetings/{other}/rsvp for other       | 401  | 403     | 403      | 403    | 403    | 403        | 403
            GET  /progress                              | 401  | 403     | 200      | 200    | 200    | 200        | 200
            GET  /countries                             | 401  | 200     | 200      | 200    | 200    | 200        | 200
            GET  /admin/audit                           | 401  | 403     | 403      | 403    | 403    | 403        | 200
            """;
    // Notes on cells that are not obvious:
    // - accept/decline/consent/leave are the person's own acts: a coordinator cannot do them for someone;
    // - /people/me is the caller's own record; the coordinator account is no person here, hence 404;
    // - "+roles" sends roles other than the person's current ones: only a coordinator changes roles;
    // - attendance, minutes and decisions: the coordinator passes the access check and meets the domain's
    //   409 (the fixture meeting has not started yet);
    // - GET /meetings/{other} for "invited" (no role, not invited) is the 404 of an unknown meeting;
    // - RSVP on a meeting one is not invited to is 422 for members (they see meetings anyway), and the
    //   coordinator account is invited to none; "for other" names another person in the body.

    private static final String BASE = "/api/membership";
    private static final String FUTURE = "2031-03-10T09:00:00Z";

    @LocalServerPort
    int port;

    Api coordinator;

    @BeforeEach
    void client() {
        coordinator = new Api(port);
    }

    enum CallerKind {
        ANON, INVITED, OBSERVER, MEMBER, EXPERT, TRANSLATOR, COORDINATOR;

        String token(String ownId) {
            return switch (this) {
                case ANON -> null;
                case INVITED -> TestTokens.person(ownId);
                case OBSERVER -> TestTokens.bearer(ownId, Role.OBSERVER);
                case MEMBER -> TestTokens.bearer(ownId, Role.MEMBER);
                case EXPERT -> TestTokens.bearer(ownId, Role.EXPERT);
                case TRANSLATOR -> TestTokens.bearer(ownId, Role.TRANSLATOR);
                case COORDINATOR -> TestTokens.coordinator();
            };
        }
    }

    /** One cell of the table. */
    record Cell(CallerKind caller, String endpoint, int expected) {
        @Override
        public String toString() {
            return "%-11s %s -> %d".formatted(caller, endpoint, expected);
        }
    }

    static Stream<Arguments> cells() {
        List<String> lines = TABLE.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> header = split(lines.get(0));
        List<Arguments> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> columns = split(line);
            assertThat(columns).as(line).hasSize(header.size());
            for (int c = 1; c < columns.size(); c++) {
                CallerKind caller = CallerKind.valueOf(header.get(c).toUpperCase());
                Cell cell = new Cell(caller, columns.get(0).replaceAll("\\s+", " "), Integer.parseInt(columns.get(c)));
                cells.add(Arguments.of(cell.toString(), cell));
            }
        }
        return cells.stream();
    }

    private static List<String> split(String line) {
        return List.of(line.split("\\|")).stream().map(String::strip).toList();
    }

    /** The people, organisation and meetings one cell works on, fresh for each cell. */
    final class Fixture {
        final String own;
        final String other;
        final String organisation;
        final String meetingOwn;
        final String meetingOther;

        Fixture() {
            own = invitedPerson("Own");
            other = invitedPerson("Other");
            organisation = coordinator.expect(201, coordinator.post(BASE + "/organisations", """
                    {"name":"Matrix Org","country":"KG","kind":"HUMAN_RIGHTS","contactEmail":"org@example.org"}
                    """)).json().get("id").asString();
            meetingOwn = meeting(own);
            meetingOther = meeting(other);
        }

        private String invitedPerson(String name) {
            String id = coordinator.expect(201, coordinator.post(BASE + "/people",
                    Api.person(name, "m-" + UUID.randomUUID() + "@example.org", "KG", "ru", "Asia/Bishkek")))
                    .json().get("id").asString();
            coordinator.expect(201, coordinator.post(BASE + "/people/" + id + "/invitations", null));
            return id;
        }

        private String meeting(String invitee) {
            String id = coordinator.expect(201, coordinator.post(BASE + "/meetings", meetingBody())).json().get("id")
                    .asString();
            coordinator.expect(200, coordinator.post(BASE + "/meetings/" + id + "/invitations",
                    "{\"personIds\":[\"" + invitee + "\"]}"));
            return id;
        }

        /** Brings a person from INVITED to ACCEPTED with consent, as they would do it themself. */
        void acceptedWithConsent(String personId) {
            Api self = coordinator.as(TestTokens.person(personId));
            self.expect(200, self.post(BASE + "/people/" + personId + "/invitation/accept", null));
            self.expect(200, self.post(BASE + "/people/" + personId + "/consent",
                    "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}"));
        }
    }

    private static String meetingBody() {
        return """
                {"title":"Matrix meeting","kind":"OTHER","startsAt":"%s","timeZone":"Asia/Bishkek",
                 "durationMinutes":60,"onlineLink":"https://meet.example.org/matrix"}""".formatted(FUTURE);
    }

    /** What each kind of caller sees in the answers they are allowed: contact, protected people, meeting links. */
    @org.junit.jupiter.api.Test
    void contactDetailsProtectedPeopleAndMeetingLinksAreShownOnlyToThoseWhoMaySeeThem() {
        Fixture f = new Fixture();
        coordinator.expect(200, coordinator.put(BASE + "/people/" + f.other + "/profile",
                "{\"roles\":[\"EXPERT\"],\"languages\":[\"ky\"],\"expertise\":[],\"protectedIdentity\":true}"));
        Api member = coordinator.as(TestTokens.bearer(f.own, Role.MEMBER));

        // someone else's record: public view, a protected person by display name only, no contact
        tools.jackson.databind.JsonNode otherSeenByMember = member.expect(200, member.get(BASE + "/people/" + f.other))
                .json();
        assertThat(otherSeenByMember.has("email")).isFalse();
        assertThat(otherSeenByMember.has("country")).isFalse();
        assertThat(otherSeenByMember.get("displayName").asString()).isEqualTo("Other");
        // the own record and a coordinator's view: everything, contact included
        assertThat(member.get(BASE + "/people/" + f.own).json().get("email").asString()).endsWith("@example.org");
        tools.jackson.databind.JsonNode otherSeenByCoordinator = coordinator.get(BASE + "/people/" + f.other).json();
        assertThat(otherSeenByCoordinator.get("email").asString()).endsWith("@example.org");
        assertThat(otherSeenByCoordinator.get("country").asString()).isEqualTo("KG");

        // an organisation's contact: coordinators only
        assertThat(member.get(BASE + "/organisations/" + f.organisation).json().has("contact")).isFalse();
        assertThat(coordinator.get(BASE + "/organisations/" + f.organisation).json().get("contact").get("email")
                .asString()).isEqualTo("org@example.org");

        // a meeting's link and invitees: invitees and coordinators; other members get the summary
        tools.jackson.databind.JsonNode notInvited = member.get(BASE + "/meetings/" + f.meetingOther).json();
        assertThat(notInvited.has("onlineLink")).isFalse();
        assertThat(notInvited.has("invitees")).isFalse();
        assertThat(notInvited.get("invitations").get("invited").asInt()).isEqualTo(1);
        assertThat(member.get(BASE + "/meetings/" + f.meetingOwn).json().get("onlineLink").asString())
                .isEqualTo("https://meet.example.org/matrix");
        assertThat(coordinator.get(BASE + "/meetings/" + f.meetingOther).json().get("invitees").toString())
                .contains(f.other);

        // a caller with no role reading a meeting they are not invited to cannot tell it from a missing one
        Api.Response hidden = coordinator.as(TestTokens.person(f.own)).get(BASE + "/meetings/" + f.meetingOther);
        Api.Response missing = coordinator.as(TestTokens.person(f.own)).get(BASE + "/meetings/" + UUID.randomUUID());
        assertThat(hidden.status()).isEqualTo(missing.status()).isEqualTo(404);
        assertThat(hidden.json().get("title").asString()).isEqualTo(missing.json().get("title").asString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void theCallerGetsTheStatusTheTableSays(String name, Cell cell) {
        Fixture f = new Fixture();
        boolean own = cell.endpoint().contains("{own}");
        String person = own ? f.own : f.other;
        String meeting = own ? f.meetingOwn : f.meetingOther;
        String key = cell.endpoint().replace("{own}", "{p}").replace("{other}", "{p}");
        Api caller = coordinator.as(cell.caller().token(f.own));

        Map<String, Runnable> setups = new LinkedHashMap<>();
        setups.put("POST /people/{p}/activate", () -> f.acceptedWithConsent(person));
        setups.put("POST /people/{p}/leave", () -> f.acceptedWithConsent(person));
        setups.put("POST /people/{p}/remove", () -> f.acceptedWithConsent(person));
        if (setups.containsKey(key)) {
            setups.get(key).run();
        }
        // a fresh candidate for the invitation command
        if (key.equals("POST /people/{p}/invitations")) {
            Api self = coordinator.as(TestTokens.person(person));
            self.expect(200, self.post(BASE + "/people/" + person + "/invitation/decline", null));
        }

        Api.Response response = switch (key) {
            case "GET /people/{p}" -> caller.get(BASE + "/people/" + person);
            case "GET /people" -> caller.get(BASE + "/people");
            case "GET /people/me" -> caller.get(BASE + "/people/me");
            case "PATCH /people/me" -> caller.patch(BASE + "/people/me",
                    "{\"displayName\":\"Own corrected\",\"timeZone\":\"Asia/Tashkent\",\"preferredLanguage\":\"uz\"}");
            case "POST /people" -> caller.post(BASE + "/people",
                    Api.person("New", "n-" + UUID.randomUUID() + "@example.org", "KZ", "kk", "Asia/Almaty"));
            case "POST /people/{p}/invitations" -> caller.post(BASE + "/people/" + person + "/invitations", null);
            case "POST /people/{p}/invitation/accept" -> caller.post(BASE + "/people/" + person + "/invitation/accept",
                    null);
            case "POST /people/{p}/invitation/decline" -> caller.post(
                    BASE + "/people/" + person + "/invitation/decline", null);
            case "POST /people/{p}/consent" -> caller.post(BASE + "/people/" + person + "/consent",
                    "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}");
            case "POST /people/{p}/activate" -> caller.post(BASE + "/people/" + person + "/activate", null);
            case "POST /people/{p}/leave" -> caller.post(BASE + "/people/" + person + "/leave", null);
            case "POST /people/{p}/remove" -> caller.post(BASE + "/people/" + person + "/remove", null);
            case "PUT /people/{p}/profile" -> caller.put(BASE + "/people/" + person + "/profile",
                    "{\"languages\":[\"ru\",\"ky\"],\"expertise\":[\"fatf\"],\"protectedIdentity\":true}");
            case "PUT /people/{p}/profile +roles" -> caller.put(BASE + "/people/" + person + "/profile",
                    "{\"roles\":[\"COORDINATOR\"],\"languages\":[],\"expertise\":[],\"protectedIdentity\":false}");
            case "PUT /people/{p}/affiliations" -> caller.put(BASE + "/people/" + person + "/affiliations",
                    "{\"organisationIds\":[\"" + f.organisation + "\"]}");
            case "POST /people/{p}/erasure" -> caller.post(BASE + "/people/" + person + "/erasure", null);
            case "GET /organisations" -> caller.get(BASE + "/organisations");
            case "GET /organisations/{p}" -> caller.get(BASE + "/organisations/" + f.organisation);
            case "POST /organisations" -> caller.post(BASE + "/organisations",
                    "{\"name\":\"New Org\",\"country\":\"TJ\",\"kind\":\"MEDIA\"}");
            case "POST /organisations/{p}/invitation" -> caller.post(
                    BASE + "/organisations/" + f.organisation + "/invitation", null);
            case "GET /meetings" -> caller.get(BASE + "/meetings");
            case "GET /meetings/{p}" -> caller.get(BASE + "/meetings/" + meeting);
            case "GET /meetings/{p}/calendar.ics" -> caller.get(BASE + "/meetings/" + meeting + "/calendar.ics");
            case "POST /meetings" -> caller.post(BASE + "/meetings", meetingBody());
            case "POST /meetings/{p}/reschedule" -> caller.post(BASE + "/meetings/" + meeting + "/reschedule",
                    "{\"startsAt\":\"2031-03-11T09:00:00Z\"}");
            case "POST /meetings/{p}/cancel" -> caller.post(BASE + "/meetings/" + meeting + "/cancel", null);
            case "POST /meetings/{p}/invitations" -> caller.post(BASE + "/meetings/" + meeting + "/invitations",
                    "{\"personIds\":[\"" + f.own + "\"]}");
            case "POST /meetings/{p}/attendance" -> caller.post(BASE + "/meetings/" + meeting + "/attendance",
                    "{\"attendeeIds\":[\"" + f.other + "\"]}");
            case "PUT /meetings/{p}/minutes" -> caller.put(BASE + "/meetings/" + meeting + "/minutes",
                    "{\"text\":\"Minutes\"}");
            case "POST /meetings/{p}/decisions" -> caller.post(BASE + "/meetings/" + meeting + "/decisions",
                    "{\"kind\":\"GENERAL\",\"text\":\"We decided.\"}");
            case "POST /meetings/{p}/rsvp" -> caller.post(BASE + "/meetings/" + meeting + "/rsvp",
                    "{\"response\":\"YES\"}");
            case "POST /meetings/{p}/rsvp for other" -> caller.post(BASE + "/meetings/" + meeting + "/rsvp",
                    "{\"personId\":\"" + f.other + "\",\"response\":\"YES\"}");
            case "GET /progress" -> caller.get(BASE + "/progress");
            case "GET /countries" -> caller.get(BASE + "/countries");
            case "GET /admin/audit" -> caller.get("/admin/audit");
            default -> throw new AssertionError("the table names an endpoint the test does not know: " + key);
        };

        assertThat(response.status()).as("%s (answer: %s)", cell, response.body()).isEqualTo(cell.expected());
        if (cell.expected() == 401 || cell.expected() == 403) {
            assertThat(response.header("Content-Type")).as(cell.toString()).startsWith("application/problem+json");
        }
    }
}
