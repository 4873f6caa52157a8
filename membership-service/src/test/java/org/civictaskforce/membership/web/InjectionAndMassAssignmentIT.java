package org.civictaskforce.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.membership.Api;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Mongo operator injection and mass assignment are refused: an operator where a string is expected is
 * a 400 problem or a literal that matches nothing — never a broadened query, never a 500 — and a body
 * that sets what the caller may not set, or what the endpoint does not take, changes nothing.
 */
@ServiceTest
class InjectionAndMassAssignmentIT {
    private static final String PEOPLE = "/api/membership/people";
    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    Api api;
    String alice;
    String bob;

    @BeforeEach
    void people() {
        api = new Api(port);
        alice = register("Alice", "KG");
        bob = register("Bob", "KZ");
    }

    private String register(String name, String country) {
        return api.expect(201, api.post(PEOPLE, Api.person(name, "i-" + UUID.randomUUID() + "@example.org", country,
                "ru", "Asia/Bishkek"))).json().get("id").asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // --- operator injection -------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"displayName\":{\"$gt\":\"\"},\"email\":\"x@example.org\",\"country\":\"KG\",\"preferredLanguage\":\"ru\",\"timeZone\":\"Asia/Bishkek\"}",
            "{\"displayName\":\"X\",\"email\":{\"$ne\":null},\"country\":\"KG\",\"preferredLanguage\":\"ru\",\"timeZone\":\"Asia/Bishkek\"}",
            "{\"displayName\":\"X\",\"email\":\"x@example.org\",\"country\":{\"$in\":[\"KG\"]},\"preferredLanguage\":\"ru\",\"timeZone\":\"Asia/Bishkek\"}" })
    void anOperatorWhereABodyExpectsAStringIsA400Problem(String body) {
        int before = api.get(PEOPLE).json().get("page").get("totalElements").asInt();

        Api.Response response = api.post(PEOPLE, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(api.get(PEOPLE).json().get("page").get("totalElements").asInt()).isEqualTo(before);
    }

    @Test
    void anOperatorInAnRsvpOrAffiliationsBodyIsA400Problem() {
        assertThat(api.as(TestTokens.person(alice)).put(PEOPLE + "/" + alice + "/affiliations",
                "{\"organisationIds\":{\"$ne\":null}}").status()).isEqualTo(400);
        assertThat(api.as(TestTokens.person(alice)).post("/api/membership/meetings/x/rsvp",
                "{\"personId\":{\"$gt\":\"\"},\"response\":\"YES\"}").status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { ".*", "{\"$gt\":\"\"}", "^", "$ne", "[a-z]*", "\\w" })
    void aSearchTextIsALiteralAndNeverMatchesEveryone(String q) {
        Api.Response response = api.get(PEOPLE + "?q=" + encode(q));

        assertThat(response.status()).isEqualTo(200);
        // the store is shared with other test classes: a literal may match someone else's name, never everyone
        assertThat(response.body()).doesNotContain(alice).doesNotContain(bob);
        assertThat(total(PEOPLE + "?q=" + encode(q))).isLessThan(total(PEOPLE));
        int organisations = total("/api/membership/organisations");
        assertThat(total("/api/membership/organisations?q=" + encode(q)))
                .isLessThanOrEqualTo(Math.max(0, organisations - 1));
    }

    private int total(String path) {
        return api.get(path).json().get("page").get("totalElements").asInt();
    }

    @ParameterizedTest
    @ValueSource(strings = { "country%5B%24ne%5D=KG", "status%5B%24in%5D=ACTIVE", "%24where=1", "q.%24gt=x",
            "country%7B%7D=KG", "country%5B%5D=KG" })
    void aQueryParameterShapedLikeAnOperatorIsA400NotAnUnfilteredList(String query) {
        Api.Response response = api.get(PEOPLE + "?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(response.body()).doesNotContain(alice).doesNotContain(bob);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"$gt\":\"\"}", "{\"$ne\":null}", "$gt", ".*" })
    void anOperatorAsAQueryValueIsRefusedOrMatchesNothing(String value) {
        Api.Response byCountry = api.get(PEOPLE + "?country=" + encode(value));
        assertThat(byCountry.status()).isEqualTo(400);
        Api.Response byExpertise = api.get(PEOPLE + "?expertise=" + encode(value));
        assertThat(byExpertise.status()).isEqualTo(400);
        Api.Response byStatus = api.get(PEOPLE + "?status=" + encode(value));
        assertThat(byStatus.status()).isEqualTo(400);
        assertThat(byStatus.header("Content-Type")).startsWith(PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"$gt\":\"\"}", "{\"$ne\":null}", ".*" })
    void anOperatorAsAnIdIsALiteralThatNamesNothing(String id) {
        String path = encode(id);
        assertThat(api.get(PEOPLE + "/" + path).status()).isEqualTo(404);
        assertThat(api.get("/api/membership/organisations/" + path).status()).isEqualTo(404);
        assertThat(api.get("/api/membership/meetings/" + path).status()).isEqualTo(404);
        assertThat(api.post(PEOPLE + "/" + path + "/activate", null).status()).isEqualTo(404);
        assertThat(api.as(TestTokens.person(alice)).put(PEOPLE + "/" + alice + "/affiliations",
                "{\"organisationIds\":[\"" + id.replace("\"", "\\\"") + "\"]}").status()).isIn(400, 422);
        assertThat(api.get(PEOPLE + "/" + alice).json().get("affiliations")).isEmpty();
    }

    // --- mass assignment ----------------------------------------------------------------------

    @Test
    void aPersonWhoSetsTheirOwnRolesIsRefusedAndNothingChanges() {
        Api self = api.as(TestTokens.bearer(alice, Role.MEMBER));

        Api.Response response = self.put(PEOPLE + "/" + alice + "/profile",
                "{\"roles\":[\"COORDINATOR\"],\"languages\":[\"ky\"],\"expertise\":[\"fatf\"],\"protectedIdentity\":false}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        JsonNode stored = api.get(PEOPLE + "/" + alice).json();
        assertThat(stored.get("roles")).isEmpty();
        assertThat(stored.get("languages")).isEmpty();
        assertThat(stored.get("expertise")).isEmpty();
    }

    @Test
    void aPersonChangesTheirOwnLanguagesExpertiseAndProtectionButNotTheirRoles() {
        api.expect(200, api.put(PEOPLE + "/" + alice + "/profile",
                "{\"roles\":[\"EXPERT\"],\"languages\":[],\"expertise\":[],\"protectedIdentity\":false}"));
        Api self = api.as(TestTokens.bearer(alice, Role.EXPERT));

        self.expect(200, self.put(PEOPLE + "/" + alice + "/profile",
                "{\"languages\":[\"ky\",\"ru\"],\"expertise\":[\"fatf\"],\"protectedIdentity\":true}"));
        self.expect(200, self.put(PEOPLE + "/" + alice + "/profile",
                "{\"roles\":[\"EXPERT\"],\"languages\":[\"ky\"],\"expertise\":[\"fatf\"],\"protectedIdentity\":true}"));

        JsonNode mine = self.get(PEOPLE + "/" + alice).json();
        assertThat(mine.get("roles").get(0).asString()).isEqualTo("EXPERT");
        assertThat(mine.get("roles")).hasSize(1);
        assertThat(mine.get("languages").get(0).asString()).isEqualTo("ky");
        assertThat(mine.get("protectedIdentity").asBoolean()).isTrue();
        assertThat(mine.get("email").asString()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"status\":\"ACTIVE\"", "\"id\":\"someone-else\"", "\"email\":\"new@example.org\"",
            "\"consent\":{\"noticeVersion\":\"x\",\"agreedTo\":[\"membership\"]}", "\"erased\":true",
            "\"registeredAt\":\"2020-01-01T00:00:00Z\"" })
    void aProfileBodyWithAPropertyTheEndpointDoesNotTakeIsA400AndNothingIsStored(String extra) {
        String before = api.get(PEOPLE + "/" + alice).body();

        for (String token : List.of(TestTokens.person(alice), TestTokens.coordinator())) {
            Api.Response response = api.as(token).put(PEOPLE + "/" + alice + "/profile",
                    "{\"languages\":[\"ky\"],\"expertise\":[],\"protectedIdentity\":false," + extra + "}");
            assertThat(response.status()).as(extra).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        }
        assertThat(api.get(PEOPLE + "/" + alice).body()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"status\":\"ACTIVE\"", "\"id\":\"chosen-id\"", "\"consent\":{}",
            "\"invitation\":{\"invitationId\":\"x\"}" })
    void aRegistrationBodyWithAPropertyItDoesNotTakeIsA400AndNoOneIsRegistered(String extra) {
        String body = Api.person("Mallory", "mal-" + UUID.randomUUID() + "@example.org", "KG", "ru", "Asia/Bishkek")
                .strip();
        Api.Response response = api.post(PEOPLE, body.substring(0, body.length() - 1) + "," + extra + "}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(api.get(PEOPLE + "?q=Mallory").json().get("page").get("totalElements").asInt()).isZero();
    }

    @Test
    void aConsentBodyCannotCarryAStatus() {
        Api self = api.as(TestTokens.person(alice));
        api.expect(201, api.post(PEOPLE + "/" + alice + "/invitations", null));

        Api.Response consent = self.post(PEOPLE + "/" + alice + "/consent",
                "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"],\"status\":\"ACTIVE\"}");
        assertThat(consent.status()).isEqualTo(400);
        assertThat(api.get(PEOPLE + "/" + alice).json().get("status").asString()).isEqualTo("INVITED");
        assertThat(api.get(PEOPLE + "/" + alice).json().has("consent")).isFalse();
    }
}
