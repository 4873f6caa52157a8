package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Journey 3, research, through the gateway: experts in three countries, activated by membership, are
 * assigned the World Bank's standards by the coordinator; one expert, acting as themself, submits a
 * finding with a citation, the coordinator returns it, the expert resubmits, the coordinator accepts; the
 * coverage matrix shows that country covered and the other two as gaps; search finds the finding and the
 * standard in English and Russian words. Another expert can neither see nor act on that assignment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResearchJourneyIT {
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String FINDING = """
            {"statement":"The ESF requires a stakeholder engagement plan.","confidence":"high","standardIds":["wb-ess10"],\
            "evidence":[{"link":"https://www.worldbank.org/en/projects-operations/environmental-and-social-framework",\
            "section":"ESS10, para 4","quote":"The Borrower will engage with stakeholders","accessedOn":"2026-11-01"}]}""";

    GatewayClient gateway;
    final Map<String, String> assignmentByCountry = new HashMap<>();
    final Map<String, String> expertByCountry = new HashMap<>();
    String findingId;

    @BeforeAll
    void start() {
        SystemUnderTest.stack();
        gateway = SystemUnderTest.gateway();
    }

    @Test
    @Order(1)
    void theCatalogueIsLoadedWithItsSources() {
        Answer wb = gateway.get("/api/research/institutions/wb");
        assertThat(wb.status()).isEqualTo(200);
        assertThat(wb.raw()).contains("ESS10").contains("\"url\":\"http");
    }

    @Test
    @Order(2)
    void assignExpertsInThreeCountries() {
        for (String country : List.of("KZ", "KG", "TM")) {
            String expert = gateway.post("/api/membership/people", """
                    {"displayName":"Researcher %2$s","email":"researcher.%2$s.%1$s@example.org","country":"%2$s",\
                    "preferredLanguage":"ru","timeZone":"Asia/Almaty","roles":["EXPERT"]}""".formatted(RUN, country))
                    .body().get("id").asString();
            gateway.post("/api/membership/people/" + expert + "/invitations", null);
            gateway.as(expert).post("/api/membership/people/" + expert + "/invitation/accept", null);
            gateway.as(expert).post("/api/membership/people/" + expert + "/consent",
                    "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}");
            assertThat(gateway.post("/api/membership/people/" + expert + "/activate", null).body().get("status")
                    .asString()).isEqualTo("ACTIVE");
            expertByCountry.put(country, expert);
            String body = """
                    {"expertId":"%s","country":"%s","institutionId":"wb","strand":"STANDARDS_AND_RULES","dueDate":"%s"}"""
                    .formatted(expert, country, LocalDate.now().plusDays(30));
            // research learns that they are an active expert from membership's events
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.post("/api/research/assignments", body).status() == 201);
            // the expert sees their own assignments
            Answer assigned = gateway.as(expert, Role.EXPERT).get("/api/research/assignments");
            JsonNode first = assigned.body().get("content").get(0);
            assertThat(first.get("status").asString()).isEqualTo("ASSIGNED");
            assignmentByCountry.put(country, first.get("id").asString());
        }
    }

    @Test
    @Order(3)
    void aFindingWithACitationIsReturnedResubmittedAndAccepted() {
        String kz = "/api/research/assignments/" + assignmentByCountry.get("KZ");
        GatewayClient expert = gateway.as(expertByCountry.get("KZ"), Role.EXPERT);
        GatewayClient otherExpert = gateway.as(expertByCountry.get("KG"), Role.EXPERT);
        assertThat(expert.post(kz + "/findings", FINDING).status()).as("not started yet").isEqualTo(409);
        assertThat(otherExpert.post(kz + "/start", null).status()).as("someone else's assignment").isEqualTo(404);
        assertThat(gateway.post(kz + "/start", null).status()).as("only the expert starts").isEqualTo(403);
        assertThat(expert.post(kz + "/start", null).body().get("status").asString()).isEqualTo("IN_PROGRESS");
        Answer submitted = expert.post(kz + "/findings", FINDING);
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        findingId = submitted.body().get("id").asString();
        assertThat(otherExpert.get("/api/research/findings/" + findingId).status()).isEqualTo(404);
        assertThat(expert.post(kz + "/submit", null).status()).isEqualTo(200);

        assertThat(expert.post("/api/research/findings/" + findingId + "/comments", "{\"text\":\"mine\"}").status())
                .as("coordinators review").isEqualTo(403);
        Answer returned = gateway.post("/api/research/findings/" + findingId + "/comments",
                "{\"text\":\"Which page?\",\"returnForRevision\":true}");
        assertThat(returned.body().get("status").asString()).isEqualTo("RETURNED");
        assertThat(gateway.get(kz).body().get("status").asString()).as("returning a finding reopens its assignment")
                .isEqualTo("IN_PROGRESS");

        Answer resubmitted = expert.put("/api/research/findings/" + findingId, FINDING);
        assertThat(resubmitted.body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(resubmitted.body().get("versions")).hasSize(2);
        assertThat(expert.post(kz + "/submit", null).status()).isEqualTo(200);
        assertThat(expert.post(kz + "/accept", null).status()).as("coordinators accept").isEqualTo(403);
        assertThat(gateway.post(kz + "/accept", null).body().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(gateway.get("/api/research/findings/" + findingId).body().get("status").asString())
                .isEqualTo("ACCEPTED");
        assertThat(otherExpert.get("/api/research/findings/" + findingId).status())
                .as("accepted findings are open to members").isEqualTo(200);
        assertThat(expert.put("/api/research/findings/" + findingId, FINDING).status())
                .as("an accepted finding is final").isEqualTo(409);
    }

    @Test
    @Order(4)
    void coverageShowsTheCoveredCellAndTheGaps() {
        JsonNode cells = gateway.get("/api/research/coverage").body().get("cells");
        assertThat(cell(cells, "KZ").get("acceptedFindings").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(cell(cells, "KZ").get("gap").asBoolean()).isFalse();
        assertThat(cell(cells, "KG").get("gap").asBoolean()).isTrue();
        assertThat(cell(cells, "TM").get("gap").asBoolean()).isTrue();
    }

    @Test
    @Order(5)
    void searchFindsTheFindingAndTheStandardByWords() {
        GatewayClient member = gateway.as(expertByCountry.get("TM"), Role.EXPERT);
        Answer findings = member.get("/api/research/search?kind=finding&size=100&q=stakeholder+engagement+plans");
        assertThat(findings.status()).as(findings.raw()).isEqualTo(200);
        assertThat(findings.body().get("content").valueStream().map(h -> h.get("id").asString()))
                .contains(findingId);
        Answer standards = member.get("/api/research/search?kind=standard&q="
                + java.net.URLEncoder.encode("Stakeholder Engagement", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(standards.body().get("content").valueStream().map(h -> h.get("id").asString()))
                .contains("wb/wb-ess10");
        assertThat(gateway.anonymous().get("/api/research/search?q=bank").status()).isEqualTo(401);
    }

    private static JsonNode cell(JsonNode cells, String country) {
        return cells.valueStream().filter(c -> c.get("country").asString().equals(country)
                && c.get("institutionId").asString().equals("wb")
                && c.get("strand").asString().equals("STANDARDS_AND_RULES")).findFirst().orElseThrow();
    }
}
