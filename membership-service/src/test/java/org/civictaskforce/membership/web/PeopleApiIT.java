package org.civictaskforce.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.membership.Api;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The HTTP contract of the people API: validation, problems, filters, pagination, what is shown. */
@ServiceTest
class PeopleApiIT {
    private static final String PEOPLE = "/api/membership/people";
    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private static String uniqueEmail() {
        return "p-" + UUID.randomUUID() + "@example.org";
    }

    private String register(String country) {
        Api.Response created = api.post(PEOPLE, Api.person("Expert", uniqueEmail(), country, "ru", "Asia/Almaty"));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void registerAnswers201WithLocationAndAResponseWithoutContactDetails() {
        String email = uniqueEmail();
        Api.Response created = api.post(PEOPLE, Api.person("Dilnoza", email, "uz", "UZ", "Asia/Tashkent"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.header("Location")).endsWith(PEOPLE + "/" + id);
        assertThat(body.get("displayName").asString()).isEqualTo("Dilnoza");
        assertThat(body.get("country").asString()).isEqualTo("UZ");
        assertThat(body.get("preferredLanguage").asString()).isEqualTo("uz");
        assertThat(body.get("status").asString()).isEqualTo("CANDIDATE");
        assertThat(body.has("email")).isFalse();
        assertThat(body.has("fullName")).isFalse();
        assertThat(created.body()).doesNotContain(email);
    }

    @Test
    void theSinglePersonGetShowsContactDetails() {
        String email = uniqueEmail();
        String id = api.post(PEOPLE, Api.person("Farrukh", email, "TJ", "tg", "Asia/Dushanbe")).json().get("id")
                .asString();

        Api.Response found = api.get(PEOPLE + "/" + id);

        assertThat(found.status()).isEqualTo(200);
        JsonNode body = found.json();
        assertThat(body.get("id").asString()).isEqualTo(id);
        assertThat(body.get("email").asString()).isEqualTo(email);
        assertThat(body.get("fullName").asString()).isEqualTo("Farrukh Example");
        assertThat(body.get("timeZone").asString()).isEqualTo("Asia/Dushanbe");
        assertThat(body.get("status").asString()).isEqualTo("CANDIDATE");
    }

    @Test
    void missingEmailIsA422ProblemNamingTheField() {
        Api.Response response = api.post(PEOPLE,
                "{\"displayName\":\"A\",\"country\":\"KZ\",\"preferredLanguage\":\"kk\",\"timeZone\":\"Asia/Almaty\"}");

        assertValidationProblem(response, "email");
    }

    @Test
    void unknownCountryIsA422ProblemNamingTheField() {
        assertValidationProblem(api.post(PEOPLE, Api.person("A", uniqueEmail(), "XX", "ru", "Asia/Almaty")), "country");
    }

    @Test
    void badTimeZoneIsA422ProblemNamingTheField() {
        assertValidationProblem(api.post(PEOPLE, Api.person("A", uniqueEmail(), "KZ", "ru", "Asia/Atlantis")),
                "timeZone");
    }

    @Test
    void badLanguageAndEmailAreReportedTogether() {
        Api.Response response = api.post(PEOPLE, Api.person("A", "not-an-email", "KZ", "xx", "Asia/Almaty"));
        assertValidationProblem(response, "email", "preferredLanguage");
    }

    @Test
    void malformedJsonIsA400Problem() {
        Api.Response response = api.post(PEOPLE, "{\"displayName\": \"A\", ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/malformed-request");
    }

    @Test
    void unknownPersonIsA404Problem() {
        Api.Response get = api.get(PEOPLE + "/" + UUID.randomUUID());
        Api.Response invite = api.post(PEOPLE + "/" + UUID.randomUUID() + "/invitations", null);

        assertThat(get.status()).isEqualTo(404);
        assertThat(get.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(get.json().get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(invite.status()).isEqualTo(404);
    }

    @Test
    void invitingAnswers201AndASecondInvitationIsA409Problem() {
        String id = register("KZ");

        Api.Response first = api.post(PEOPLE + "/" + id + "/invitations", null);
        Api.Response second = api.post(PEOPLE + "/" + id + "/invitations", null);

        assertThat(first.status()).isEqualTo(201);
        JsonNode invitation = first.json();
        assertThat(invitation.get("personId").asString()).isEqualTo(id);
        assertThat(invitation.get("invitationId").asString()).isNotBlank();
        assertThat(invitation.get("status").asString()).isEqualTo("INVITED");
        Instant invitedAt = Instant.parse(invitation.get("invitedAt").asString());
        Instant expiresAt = Instant.parse(invitation.get("expiresAt").asString());
        assertThat(Duration.between(invitedAt, expiresAt)).isEqualTo(Duration.ofDays(14));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(second.json().get("type").asString()).isEqualTo("/problems/conflict");

        JsonNode person = api.get(PEOPLE + "/" + id).json();
        assertThat(person.get("status").asString()).isEqualTo("INVITED");
        assertThat(person.get("invitation").get("invitationId").asString())
                .isEqualTo(invitation.get("invitationId").asString());
    }

    @Test
    void aDuplicateEmailIsA409ProblemWhateverItsCase() {
        String email = uniqueEmail();
        assertThat(api.post(PEOPLE, Api.person("One", email, "KG", "ky", "Asia/Bishkek")).status()).isEqualTo(201);

        Api.Response duplicate = api.post(PEOPLE,
                Api.person("Two", email.toUpperCase(), "KG", "ky", "Asia/Bishkek"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(duplicate.body()).doesNotContain(email).doesNotContain(email.toUpperCase());
    }

    @Test
    void listFiltersByCountryAndStatusAndPaginates() {
        // Turkmenistan is used by this test only, so the counts are exact
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(register("TM"));
        }
        register("AF");
        assertThat(api.post(PEOPLE + "/" + ids.get(1) + "/invitations", null).status()).isEqualTo(201);

        JsonNode all = api.get(PEOPLE + "?country=TM").json();
        assertThat(all.get("page").get("totalElements").asInt()).isEqualTo(3);
        assertThat(all.get("page").get("size").asInt()).isEqualTo(20);
        assertThat(all.get("page").get("number").asInt()).isZero();
        assertThat(all.get("page").get("totalPages").asInt()).isEqualTo(1);
        assertThat(ids(all)).containsExactlyElementsOf(ids);
        for (JsonNode person : all.get("content")) {
            assertThat(person.has("email")).isFalse();
            assertThat(person.has("fullName")).isFalse();
            assertThat(person.get("country").asString()).isEqualTo("TM");
        }

        JsonNode invited = api.get(PEOPLE + "?country=TM&status=INVITED").json();
        assertThat(ids(invited)).containsExactly(ids.get(1));
        assertThat(invited.get("page").get("totalElements").asInt()).isEqualTo(1);

        JsonNode candidates = api.get(PEOPLE + "?country=tm&status=CANDIDATE").json();
        assertThat(ids(candidates)).containsExactly(ids.get(0), ids.get(2));

        JsonNode secondPage = api.get(PEOPLE + "?country=TM&page=1&size=2").json();
        assertThat(ids(secondPage)).containsExactly(ids.get(2));
        assertThat(secondPage.get("page").get("number").asInt()).isEqualTo(1);
        assertThat(secondPage.get("page").get("size").asInt()).isEqualTo(2);
        assertThat(secondPage.get("page").get("totalElements").asInt()).isEqualTo(3);
        assertThat(secondPage.get("page").get("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void badListParametersAre400Problems() {
        for (String query : List.of("?status=ASLEEP", "?country=XX", "?size=0", "?size=101", "?page=-1")) {
            Api.Response response = api.get(PEOPLE + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(query).startsWith(PROBLEM_JSON);
        }
    }

    @Test
    void theCorrelationIdIsEchoed() {
        Api.Response response = api.post(PEOPLE, Api.person("C", uniqueEmail(), "KZ", "kk", "Asia/Almaty"),
                "X-Correlation-Id", "api-test-correlation");
        assertThat(response.header("X-Correlation-Id")).isEqualTo("api-test-correlation");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }

    private static void assertValidationProblem(Api.Response response, String... fields) {
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("/problems/validation");
        List<String> reported = new ArrayList<>();
        problem.get("errors").forEach(e -> {
            reported.add(e.get("field").asString());
            assertThat(e.get("message").asString()).isNotBlank();
        });
        assertThat(reported).contains(fields);
    }
}
