package org.civictaskforce.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.membership.Api;
import org.civictaskforce.membership.application.InvitationExpiry;
import org.civictaskforce.membership.domain.Invitation;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The lifecycle commands over HTTP: answers, 409 problems, validation, profile filters, protection. */
@ServiceTest(properties = "membership.invitation-expiry.interval=1h")
class MembershipLifecycleApiIT {
    private static final String PEOPLE = "/api/membership/people";
    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    InvitationExpiry expiry;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private String register(String country, String displayName, String profileJson) {
        String body = Api.person(displayName, "p-" + UUID.randomUUID() + "@example.org", country, "ru", "Asia/Almaty")
                .strip();
        if (profileJson != null) {
            body = body.substring(0, body.length() - 1) + "," + profileJson + "}";
        }
        return api.expect(201, api.post(PEOPLE, body)).json().get("id").asString();
    }

    private String status(String id) {
        return api.get(PEOPLE + "/" + id).json().get("status").asString();
    }

    /** Answering an invitation and leaving are the person's own acts (their token); the rest a coordinator's. */
    private Api.Response command(String id, String command) {
        Api caller = SELF_COMMANDS.contains(command) ? self(id) : api;
        return caller.post(PEOPLE + "/" + id + "/" + command, null);
    }

    private static final List<String> SELF_COMMANDS = List.of("invitation/accept", "invitation/decline", "leave");

    private Api self(String id) {
        return api.as(TestTokens.person(id));
    }

    private static final String CONSENT = "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\",\"contact-by-email\"]}";

    @Test
    void theWholeLifecycleFromCandidateToActiveAndOut() {
        String id = register("KZ", "Aliya", "\"roles\":[\"EXPERT\"]");
        api.expect(201, command(id, "invitations"));

        Api.Response accepted = api.expect(200, command(id, "invitation/accept"));
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");

        Api.Response early = command(id, "activate");
        assertConflict(early);
        assertThat(early.json().get("detail").asString()).contains("consent");

        Api.Response consent = api.expect(200, self(id).post(PEOPLE + "/" + id + "/consent", CONSENT));
        assertThat(consent.json().get("consent").get("noticeVersion").asString()).isEqualTo("2026-01");
        assertThat(consent.json().get("consent").get("agreedTo").toString()).contains("membership", "contact-by-email");
        Instant.parse(consent.json().get("consent").get("agreedAt").asString());

        assertThat(api.expect(200, command(id, "activate")).json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.expect(200, command(id, "leave")).json().get("status").asString()).isEqualTo("LEFT");
        assertConflict(command(id, "remove"));
        assertConflict(command(id, "activate"));
        assertThat(status(id)).isEqualTo("LEFT");
    }

    @Test
    void declineThenReinviteThenRemove() {
        String id = register("KG", "Bermet", null);
        assertConflict(command(id, "invitation/accept"));
        assertConflict(command(id, "invitation/decline"));
        api.expect(201, command(id, "invitations"));
        assertThat(api.expect(200, command(id, "invitation/decline")).json().get("status").asString())
                .isEqualTo("DECLINED");
        assertConflict(command(id, "invitation/accept"));
        api.expect(201, command(id, "invitations"));
        api.expect(200, command(id, "invitation/accept"));
        assertThat(api.expect(200, command(id, "remove")).json().get("status").asString()).isEqualTo("REMOVED");
        // refused either way: by the domain (409) or, once the removal's token revocation arrived, at the token (401)
        assertThat(command(id, "leave").status()).isIn(401, 409);
        assertConflict(api.put(PEOPLE + "/" + id + "/profile",
                "{\"roles\":[],\"languages\":[],\"expertise\":[],\"protectedIdentity\":false}"));
    }

    @Test
    void lapsedInvitationsExpireThroughTheScheduledJobAndCannotBeAcceptedAfterwards() {
        String id = register("TJ", "Farrukh", null);
        api.expect(201, command(id, "invitations"));

        int expired = expiry.expireLapsed(Instant.now().plus(Invitation.VALIDITY).plusSeconds(60));

        assertThat(expired).isGreaterThanOrEqualTo(1);
        JsonNode person = api.get(PEOPLE + "/" + id).json();
        assertThat(person.get("status").asString()).isEqualTo("CANDIDATE");
        assertThat(person.has("invitation")).isFalse();
        assertConflict(command(id, "invitation/accept"));
        api.expect(201, command(id, "invitations"));
    }

    @Test
    void progressCountsActiveExpertsPerCountryAndPendingInvitations() {
        JsonNode before = api.get("/api/membership/progress").json();
        String expert = register("KG", "Progress Expert", "\"roles\":[\"EXPERT\"]");
        String member = register("KG", "Progress Member", "\"roles\":[\"MEMBER\"]");
        for (String id : List.of(expert, member)) {
            api.expect(201, command(id, "invitations"));
        }
        JsonNode invited = api.get("/api/membership/progress").json();
        assertThat(invited.get("pendingInvitations").get("people").asLong())
                .isEqualTo(before.get("pendingInvitations").get("people").asLong() + 2);
        for (String id : List.of(expert, member)) {
            api.expect(200, command(id, "invitation/accept"));
            api.expect(200, self(id).post(PEOPLE + "/" + id + "/consent", CONSENT));
            api.expect(200, command(id, "activate"));
        }

        JsonNode after = api.get("/api/membership/progress").json();

        assertThat(after.get("experts").get("total").asLong())
                .isEqualTo(before.get("experts").get("total").asLong() + 1);
        assertThat(kyrgyzstan(after).get("experts").asLong()).isEqualTo(kyrgyzstan(before).get("experts").asLong() + 1);
        assertThat(after.get("experts").get("target").get("min").asInt()).isEqualTo(10);
        assertThat(after.get("experts").get("target").get("max").asInt()).isEqualTo(15);
        assertThat(after.get("countries").get("codes").toString()).contains("KG");
        assertThat(after.get("countries").get("target").get("min").asInt()).isEqualTo(2);
        assertThat(after.get("discussion").get("organisationsTarget").get("min").asInt()).isEqualTo(20);
        assertThat(after.get("pendingInvitations").get("people").asLong())
                .isEqualTo(before.get("pendingInvitations").get("people").asLong());
        assertThat(after.toString()).doesNotContain("Progress Expert");
    }

    /**
     * The people list shows a protected person's country only to coordinators and themselves, so the
     * progress view does too: activating a protected expert in TM moves a member's total but not TM;
     * a coordinator sees them under TM.
     */
    @Test
    void aProtectedExpertMovesNoCountryInAMembersProgressButDoesInACoordinators() {
        Api member = api.as(TestTokens.bearer("progress-member-" + UUID.randomUUID(), Role.EXPERT));
        JsonNode memberBefore = member.get("/api/membership/progress").json();
        JsonNode coordinatorBefore = api.get("/api/membership/progress").json();
        String hidden = register("TM", "Hidden Expert", "\"roles\":[\"EXPERT\"],\"protectedIdentity\":true");
        api.expect(201, command(hidden, "invitations"));
        api.expect(200, command(hidden, "invitation/accept"));
        api.expect(200, self(hidden).post(PEOPLE + "/" + hidden + "/consent", CONSENT));
        api.expect(200, command(hidden, "activate"));

        JsonNode memberAfter = member.get("/api/membership/progress").json();
        assertThat(memberAfter.get("experts").get("perCountry"))
                .isEqualTo(memberBefore.get("experts").get("perCountry"));
        assertThat(memberAfter.get("countries")).isEqualTo(memberBefore.get("countries"));
        assertThat(memberAfter.get("experts").get("total").asLong())
                .isEqualTo(memberBefore.get("experts").get("total").asLong() + 1);
        assertThat(memberAfter.get("experts").get("withoutCountry").asLong())
                .isEqualTo(memberBefore.get("experts").get("withoutCountry").asLong() + 1);
        JsonNode coordinatorAfter = api.get("/api/membership/progress").json();
        assertThat(country(coordinatorAfter, "TM").get("experts").asLong())
                .isEqualTo(country(coordinatorBefore, "TM").get("experts").asLong() + 1);
        assertThat(coordinatorAfter.get("experts").get("withoutCountry").asLong()).isZero();
    }

    private static JsonNode country(JsonNode progress, String code) {
        for (JsonNode row : progress.get("experts").get("perCountry")) {
            if (row.get("country").asString().equals(code)) {
                return row;
            }
        }
        throw new AssertionError(code + " is always listed");
    }

    private static JsonNode kyrgyzstan(JsonNode progress) {
        for (JsonNode row : progress.get("experts").get("perCountry")) {
            if (row.get("country").asString().equals("KG")) {
                return row;
            }
        }
        throw new AssertionError("KG is always listed");
    }

    @Test
    void unknownPeopleAre404ForEveryCommand() {
        String unknown = UUID.randomUUID().toString();
        for (String c : List.of("invitation/accept", "invitation/decline", "activate", "leave", "remove")) {
            Api.Response response = command(unknown, c);
            assertThat(response.status()).as(c).isEqualTo(404);
            assertThat(response.header("Content-Type")).as(c).startsWith(PROBLEM_JSON);
        }
        assertThat(self(unknown).post(PEOPLE + "/" + unknown + "/consent", CONSENT).status()).isEqualTo(404);
    }

    @Test
    void badConsentAndProfileBodiesAre422ProblemsNamingTheField() {
        String id = register("UZ", "Dilnoza", null);
        assertValidation(self(id).post(PEOPLE + "/" + id + "/consent", "{\"agreedTo\":[\"membership\"]}"), "noticeVersion");
        assertValidation(self(id).post(PEOPLE + "/" + id + "/consent", "{\"noticeVersion\":\"v1\",\"agreedTo\":[]}"),
                "agreedTo");
        assertValidation(api.put(PEOPLE + "/" + id + "/profile",
                "{\"roles\":[\"EXPERT\"],\"languages\":[\"xx\"],\"expertise\":[\"ok\"],\"protectedIdentity\":false}"),
                "languages[0]");
        assertValidation(api.put(PEOPLE + "/" + id + "/profile",
                "{\"roles\":[\"EXPERT\"],\"languages\":[],\"expertise\":[\"a/b\"],\"protectedIdentity\":false}"),
                "expertise[0]");
        Api.Response badRole = api.put(PEOPLE + "/" + id + "/profile",
                "{\"roles\":[\"KING\"],\"languages\":[],\"expertise\":[],\"protectedIdentity\":false}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.header("Content-Type")).startsWith(PROBLEM_JSON);
    }

    @Test
    void theProfileIsStoredNormalisedAndShown() {
        String id = register("KZ", "Gulnara", null);
        Api.Response updated = api.expect(200, api.put(PEOPLE + "/" + id + "/profile",
                "{\"roles\":[\"TRANSLATOR\",\"EXPERT\"],\"languages\":[\"KK\",\"ru\"],\"expertise\":[\"IFI Safeguards\"],\"protectedIdentity\":false}"));

        JsonNode body = updated.json();
        assertThat(body.get("roles").toString()).isEqualTo("[\"EXPERT\",\"TRANSLATOR\"]");
        assertThat(body.get("languages").toString()).isEqualTo("[\"kk\",\"ru\"]");
        assertThat(body.get("expertise").toString()).isEqualTo("[\"ifi-safeguards\"]");
    }

    @Test
    void listFiltersByRoleExpertiseLanguageAndTextAndPaginates() {
        // Mongolia (MN) is used by this test only, so the counts are exact
        String expert1 = register("MN", "Bat-Erdene Ölziibat", "\"roles\":[\"EXPERT\"],\"expertise\":[\"fatf\"]");
        String expert2 = register("MN", "Oyun Batbayar", "\"roles\":[\"EXPERT\",\"TRANSLATOR\"],\"expertise\":[\"eiti\"],\"languages\":[\"mn\",\"en\"]");
        String member = register("MN", "Saraa", "\"roles\":[\"MEMBER\"],\"expertise\":[\"fatf\"]");
        String hidden = register("MN", "Batu Hidden", "\"roles\":[\"EXPERT\"],\"expertise\":[\"fatf\"],\"protectedIdentity\":true");
        // a coordinator filters over every attribute, protected people included
        assertThat(ids(api.get(PEOPLE + "?country=MN&role=EXPERT").json())).containsExactly(expert1, expert2, hidden);
        // other members: a filter on what a protected person hides leaves them out
        Api api = this.api.as(TestTokens.bearer("member-" + UUID.randomUUID(), Role.MEMBER));

        assertThat(ids(api.get(PEOPLE + "?country=MN&role=EXPERT").json())).containsExactly(expert1, expert2);
        assertThat(ids(api.get(PEOPLE + "?country=MN&expertise=FATF").json())).containsExactly(expert1, member);
        assertThat(ids(api.get(PEOPLE + "?country=MN&language=en").json())).containsExactly(expert2);
        assertThat(ids(api.get(PEOPLE + "?country=MN&role=TRANSLATOR&expertise=eiti").json())).containsExactly(expert2);

        // text: a prefix of any word of the display name, ignoring case and accents
        assertThat(ids(api.get(PEOPLE + "?q=olzii").json())).containsExactly(expert1);
        assertThat(ids(api.get(PEOPLE + "?q=BAT").json())).contains(expert1, expert2, hidden).doesNotContain(member);
        assertThat(ids(api.get(PEOPLE + "?q=bat%20oyu").json())).containsExactly(expert2);
        assertThat(ids(api.get(PEOPLE + "?q=bat&country=MN").json())).containsExactly(expert1, expert2);

        JsonNode page = api.get(PEOPLE + "?country=MN&size=2&page=1").json();
        assertThat(ids(page)).containsExactly(member);
        assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(3);
        assertThat(page.get("page").get("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void aProtectedPersonShowsOnlyTheDisplayNameInListsAndAnswers() {
        String id = register("TM", "Protected P.", "\"roles\":[\"EXPERT\"],\"protectedIdentity\":true");

        // other members see the display name only
        Api member = api.as(TestTokens.bearer("member-" + UUID.randomUUID(), Role.EXPERT));
        JsonNode listed = null;
        for (JsonNode p : member.get(PEOPLE + "?q=protected").json().get("content")) {
            if (p.get("id").asString().equals(id)) {
                listed = p;
            }
        }
        assertThat(listed).isNotNull();
        List<String> fields = new ArrayList<>(listed.propertyNames());
        assertThat(fields).containsExactlyInAnyOrder("id", "displayName", "protectedIdentity");
        assertThat(listed.get("protectedIdentity").asBoolean()).isTrue();
        assertThat(ids(member.get(PEOPLE + "?country=TM").json())).doesNotContain(id);
        JsonNode single = member.expect(200, member.get(PEOPLE + "/" + id)).json();
        assertThat(new ArrayList<>(single.propertyNames())).containsExactlyInAnyOrder("id", "displayName",
                "protectedIdentity");

        // coordinators and the person themself see them in full
        assertThat(ids(api.get(PEOPLE + "?country=TM").json())).contains(id);
        for (Api full : List.of(api, api.as(TestTokens.bearer(id, Role.EXPERT)))) {
            JsonNode row = null;
            for (JsonNode p : full.get(PEOPLE + "?q=protected").json().get("content")) {
                if (p.get("id").asString().equals(id)) {
                    row = p;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.get("country").asString()).isEqualTo("TM");
            assertThat(row.get("roles").toString()).contains("EXPERT");
            assertThat(full.get(PEOPLE + "/" + id).json().get("email").asString()).endsWith("@example.org");
        }
    }

    @Test
    void badListFiltersAre400Problems() {
        for (String query : List.of("?role=KING", "?expertise=a/b", "?language=xx", "?q=" + "x".repeat(101))) {
            Api.Response response = api.get(PEOPLE + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(query).startsWith(PROBLEM_JSON);
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }

    private static void assertConflict(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/conflict");
    }

    private static void assertValidation(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/validation");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains(field);
    }
}
