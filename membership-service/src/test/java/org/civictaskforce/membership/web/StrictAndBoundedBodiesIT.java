package org.civictaskforce.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.civictaskforce.membership.Api;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies are read as written (platform-kit's one rule: an unknown property or a value of
 * another type is a 400, never coerced) and every text is bounded (422 beyond its limit, the README's
 * "Limits"); nothing is stored on a refusal.
 */
@ServiceTest
class StrictAndBoundedBodiesIT {
    private static final String PEOPLE = "/api/membership/people";
    private static final String ORGS = "/api/membership/organisations";
    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private int people() {
        return api.get(PEOPLE).json().get("page").get("totalElements").asInt();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"displayName\":true,\"email\":\"strict@example.org\",\"country\":\"KG\",\"preferredLanguage\":\"ru\",\"timeZone\":\"Asia/Bishkek\"}",
            "{\"displayName\":123,\"email\":\"strict@example.org\",\"country\":\"KG\",\"preferredLanguage\":\"ru\",\"timeZone\":\"Asia/Bishkek\"}",
            "{\"displayName\":\"Strict\",\"email\":\"strict@example.org\",\"country\":\"KG\",\"preferredLanguage\":\"ru\",\"timeZone\":\"Asia/Bishkek\",\"protectedIdentity\":\"true\"}",
            "{\"displayName\":\"Strict\",\"email\":\"strict@example.org\",\"country\":\"KG\",\"preferredLanguage\":\"ru\",\"timeZone\":\"Asia/Bishkek\",\"roles\":\"\"}",
            "{\"displayName\":\"Strict\",\"email\":\"strict@example.org\",\"country\":\"KG\",\"preferredLanguage\":\"ru\",\"timeZone\":\"Asia/Bishkek\",\"actorId\":\"evil\"}" })
    void aRegistrationOfAnotherTypeOrWithAnUnknownPropertyIsA400AndNoOneIsRegistered(String body) {
        int before = people();

        Api.Response response = api.post(PEOPLE, body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/malformed-request");
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void anOrganisationWithANumberForItsNameIsA400AndNotRegistered() {
        int before = api.get(ORGS).json().get("page").get("totalElements").asInt();

        Api.Response response = api.post(ORGS, "{\"name\":42,\"country\":\"KZ\",\"kind\":\"MEDIA\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(api.get(ORGS).json().get("page").get("totalElements").asInt()).isEqualTo(before);
    }

    @Test
    void anOverLongNameIsA422NamingTheFieldAndNoOneIsRegistered() {
        String name = "Overlong" + "x".repeat(100);
        int before = people();

        Api.Response response = api.post(PEOPLE, Api.person(name, "long-" + UUID.randomUUID() + "@example.org",
                "KG", "ru", "Asia/Bishkek"));

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("displayName");
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void anOverLongAffiliationIdIsA422AndNothingChanges() {
        String person = api.expect(201, api.post(PEOPLE, Api.person("Aida", "a-" + UUID.randomUUID() + "@example.org",
                "KG", "ru", "Asia/Bishkek"))).json().get("id").asString();

        Api.Response response = api.as(TestTokens.person(person)).put(PEOPLE + "/" + person + "/affiliations",
                "{\"organisationIds\":[\"" + "o".repeat(101) + "\"]}");

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).startsWith("organisationIds[0]");
        assertThat(api.get(PEOPLE + "/" + person).json().get("affiliations")).isEmpty();
    }
}
