package org.civictaskforce.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.membership.Api;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Organisations, affiliations and the countries list over HTTP. */
@ServiceTest
class OrganisationsApiIT {
    private static final String ORGS = "/api/membership/organisations";
    private static final String PEOPLE = "/api/membership/people";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    static String organisation(String name, String country, String kind, String focus) {
        return """
                {"name":"%s","country":"%s","kind":"%s","focusAreas":["%s"],"website":"https://example.org/%s",
                 "contactEmail":"office@example.org","contactPhone":"+996 312 000 000"}
                """.formatted(name, country, kind, focus, UUID.randomUUID());
    }

    private String register(String name, String country, String kind, String focus) {
        return api.expect(201, api.post(ORGS, organisation(name, country, kind, focus))).json().get("id").asString();
    }

    @Test
    void registerReadAndMoveThroughTheLifecycle() {
        Api.Response created = api.expect(201, api.post(ORGS, organisation("Bir Duino", "kg", "HUMAN_RIGHTS", "Civic Space")));
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.header("Location")).endsWith(ORGS + "/" + id);
        assertThat(body.get("country").asString()).isEqualTo("KG");
        assertThat(body.get("status").asString()).isEqualTo("CANDIDATE");
        assertThat(body.get("focusAreas").toString()).isEqualTo("[\"civic-space\"]");
        assertThat(body.has("contact")).isFalse();
        assertThat(created.body()).doesNotContain("office@example.org");

        JsonNode read = api.get(ORGS + "/" + id).json();
        assertThat(read.get("contact").get("email").asString()).isEqualTo("office@example.org");

        assertThat(api.post(ORGS + "/" + id + "/join", null).status()).isEqualTo(409);
        assertThat(api.expect(200, api.post(ORGS + "/" + id + "/invitation", null)).json().get("status").asString())
                .isEqualTo("INVITED");
        assertThat(api.expect(200, api.post(ORGS + "/" + id + "/join", null)).json().get("status").asString())
                .isEqualTo("MEMBER");
        assertThat(api.expect(200, api.post(ORGS + "/" + id + "/withdraw", null)).json().get("status").asString())
                .isEqualTo("WITHDRAWN");
        Api.Response again = api.post(ORGS + "/" + id + "/invitation", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("/problems/conflict");
        assertThat(api.post(ORGS + "/" + UUID.randomUUID() + "/join", null).status()).isEqualTo(404);
    }

    @Test
    void badBodiesAre422ProblemsNamingTheField() {
        for (String[] bad : List.of(
                new String[] { "{\"country\":\"KZ\",\"kind\":\"MEDIA\"}", "name" },
                new String[] { "{\"name\":\"A\",\"country\":\"XX\",\"kind\":\"MEDIA\"}", "country" },
                new String[] { "{\"name\":\"A\",\"country\":\"KZ\"}", "kind" },
                new String[] { "{\"name\":\"A\",\"country\":\"KZ\",\"kind\":\"MEDIA\",\"website\":\"ftp://x\"}", "website" },
                new String[] { "{\"name\":\"A\",\"country\":\"KZ\",\"kind\":\"MEDIA\",\"contactEmail\":\"nope\"}", "contactEmail" })) {
            Api.Response response = api.post(ORGS, bad[0]);
            assertThat(response.status()).as(bad[0]).isEqualTo(422);
            List<String> fields = new ArrayList<>();
            response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).as(bad[0]).contains(bad[1]);
        }
        assertThat(api.post(ORGS, "{\"name\":\"A\",\"country\":\"KZ\",\"kind\":\"PIRATES\"}").status()).isEqualTo(400);
    }

    @Test
    void listFiltersByCountryKindFocusStatusAndTextAndPaginates() {
        // Armenia (AM) is used by this test only
        String a = register("Yerevan Press Club", "AM", "MEDIA", "press-freedom");
        String b = register("Helsinki Citizens Assembly", "AM", "HUMAN_RIGHTS", "civic-space");
        String c = register("Transparency Yerevan", "AM", "ANTI_CORRUPTION", "civic-space");
        api.expect(200, api.post(ORGS + "/" + b + "/invitation", null));

        assertThat(ids(api.get(ORGS + "?country=am").json())).containsExactly(a, b, c);
        assertThat(ids(api.get(ORGS + "?country=AM&kind=MEDIA").json())).containsExactly(a);
        assertThat(ids(api.get(ORGS + "?country=AM&focus=Civic%20Space").json())).containsExactly(b, c);
        assertThat(ids(api.get(ORGS + "?country=AM&status=INVITED").json())).containsExactly(b);
        assertThat(ids(api.get(ORGS + "?q=yere").json())).contains(a, c).doesNotContain(b);
        JsonNode page = api.get(ORGS + "?country=AM&size=2&page=1").json();
        assertThat(ids(page)).containsExactly(c);
        assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(3);
        for (JsonNode o : api.get(ORGS + "?country=AM").json().get("content")) {
            assertThat(o.has("contact")).isFalse();
        }
        for (String q : List.of("?kind=PIRATES", "?country=XX", "?size=101", "?focus=a/b")) {
            assertThat(api.get(ORGS + q).status()).as(q).isEqualTo(400);
        }
    }

    @Test
    void peopleAreAffiliatedWithRegisteredOrganisationsOnly() {
        String org = register("Legal Prosperity", "TJ", "LEGAL_AID", "legal-aid");
        String person = api.expect(201, api.post(PEOPLE,
                Api.person("Zarina", "z-" + UUID.randomUUID() + "@example.org", "TJ", "tg", "Asia/Dushanbe")))
                .json().get("id").asString();

        JsonNode affiliated = api.expect(200, api.put(PEOPLE + "/" + person + "/affiliations",
                "{\"organisationIds\":[\"" + org + "\",\"" + org + "\"]}")).json();
        assertThat(affiliated.get("affiliations").toString()).isEqualTo("[\"" + org + "\"]");

        Api.Response unknown = api.put(PEOPLE + "/" + person + "/affiliations",
                "{\"organisationIds\":[\"" + UUID.randomUUID() + "\"]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("type").asString()).isEqualTo("/problems/domain-rule");
        assertThat(api.put(PEOPLE + "/" + person + "/affiliations", "{}").status()).isEqualTo(422);
    }

    @Test
    void countriesListTheFiveCentralAsianStatesFirst() {
        JsonNode countries = api.get("/api/membership/countries").json();
        List<String> codes = new ArrayList<>();
        countries.forEach(c -> codes.add(c.get("code").asString()));
        assertThat(codes.subList(0, 5)).containsExactly("KZ", "KG", "TJ", "TM", "UZ");
        assertThat(codes).contains("DE", "MN").hasSizeGreaterThan(200);
        assertThat(countries.get(0).get("name").asString()).isEqualTo("Kazakhstan");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }
}
