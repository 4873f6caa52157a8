package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;

/**
 * Journey 3, research, through the gateway: experts in three countries are assigned the World Bank's
 * standards; one submits a finding with a citation, the coordinator returns it, the expert resubmits,
 * the coordinator accepts; the coverage matrix shows that country covered and the other two as gaps.
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
            String body = """
                    {"expertId":"%s","country":"%s","institutionId":"wb","strand":"STANDARDS_AND_RULES","dueDate":"%s"}"""
                    .formatted(expert, country, LocalDate.now().plusDays(30));
            // research learns about the expert from membership's events
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.post("/api/research/assignments", body).status() == 201);
            Answer assigned = gateway.get("/api/research/assignments?expertId=" + expert);
            JsonNode first = assigned.body().get("content").get(0);
            assertThat(first.get("status").asString()).isEqualTo("ASSIGNED");
            assignmentByCountry.put(country, first.get("id").asString());
        }
    }

    @Test
    @Order(3)
    void aFindingWithACitationIsReturnedResubmittedAndAccepted() {
        String kz = "/api/research/assignments/" + assignmentByCountry.get("KZ");
        assertThat(gateway.post(kz + "/findings", FINDING).status()).as("not started yet").isEqualTo(409);
        assertThat(gateway.post(kz + "/start", null).body().get("status").asString()).isEqualTo("IN_PROGRESS");
        Answer submitted = gateway.post(kz + "/findings", FINDING);
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        findingId = submitted.body().get("id").asString();
        assertThat(gateway.post(kz + "/submit", null).status()).isEqualTo(200);

        Answer returned = gateway.post("/api/research/findings/" + findingId + "/comments",
                "{\"text\":\"Which page?\",\"returnForRevision\":true}");
        assertThat(returned.body().get("status").asString()).isEqualTo("RETURNED");
        assertThat(gateway.post(kz + "/return", null).status()).isEqualTo(200);

        Answer resubmitted = gateway.put("/api/research/findings/" + findingId, FINDING);
        assertThat(resubmitted.body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(resubmitted.body().get("versions")).hasSize(2);
        assertThat(gateway.post(kz + "/submit", null).status()).isEqualTo(200);
        assertThat(gateway.post(kz + "/accept", null).body().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(gateway.get("/api/research/findings/" + findingId).body().get("status").asString())
                .isEqualTo("ACCEPTED");
        assertThat(gateway.put("/api/research/findings/" + findingId, FINDING).status())
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

    private static JsonNode cell(JsonNode cells, String country) {
        return cells.valueStream().filter(c -> c.get("country").asString().equals(country)
                && c.get("institutionId").asString().equals("wb")
                && c.get("strand").asString().equals("STANDARDS_AND_RULES")).findFirst().orElseThrow();
    }
}
