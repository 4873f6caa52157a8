package org.civictaskforce.systemtests.journey;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.civictaskforce.platform.security.Role;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;

/**
 * The people a load works with, set up through the gateway: eight experts with a started assignment each, and
 * eight members of invited organisations in an open consultation. Shared by {@link MemoryUnderLoadBenchmark} and the
 * Gatling simulation in {@code load-tests}.
 */
public record LoadPopulation(List<GatewayClient> experts, List<String> assignments, List<GatewayClient> members,
        List<String> memberIds, String comments) {

    public static final String FINDING = """
            {"statement":"The ESF requires a stakeholder engagement plan.","confidence":"high","standardIds":["wb-ess10"],\
            "evidence":[{"link":"https://www.worldbank.org/en/projects-operations/environmental-and-social-framework",\
            "section":"ESS10, para 4","quote":"The Borrower will engage with stakeholders","accessedOn":"2026-11-01"}]}""";
    public static final String[][] COUNTRIES = { { "KZ", "kk", "Asia/Almaty" }, { "KG", "ky", "Asia/Bishkek" },
            { "UZ", "uz", "Asia/Tashkent" }, { "TJ", "tg", "Asia/Dushanbe" } };
    public static final List<String> READS = List.of("/api/membership/people?size=20",
            "/api/membership/people?size=20&country=KZ", "/api/membership/people?size=20&role=EXPERT&status=ACTIVE",
            "/api/membership/people?size=20&q=mem", "/api/research/institutions/wb", "/api/research/coverage",
            "/api/research/search?q=stakeholder+engagement", "/api/strategy/versions");

    /** Sets the population up (about a minute: roles travel from membership to research and strategy by events). */
    public static LoadPopulation build(GatewayClient coordinator) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<GatewayClient> experts = new ArrayList<>();
        List<String> assignments = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String[] c = COUNTRIES[i % COUNTRIES.length];
            String id = Members.activeExpert(coordinator, "Load expert " + i, c[0], c[2]);
            String body = """
                    {"expertId":"%s","country":"%s","institutionId":"wb","strand":"STANDARDS_AND_RULES","dueDate":"%s"}"""
                    .formatted(id, c[0], LocalDate.now().plusDays(30));
            // research learns from membership's events that they are an active expert
            Answer assigned = until(() -> coordinator.post("/api/research/assignments", body), 201);
            GatewayClient expert = coordinator.as(id, Role.EXPERT);
            String assignment = assigned.body().get("id").asString();
            expert.post("/api/research/assignments/" + assignment + "/start", null);
            experts.add(expert);
            assignments.add(assignment);
        }
        List<String> organisations = new ArrayList<>();
        List<GatewayClient> members = new ArrayList<>();
        List<String> memberIds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String[] c = COUNTRIES[i % COUNTRIES.length];
            String org = coordinator.post("/api/membership/organisations", """
                    {"name":"Load org %s %s %d","country":"%s","kind":"HUMAN_RIGHTS","focusAreas":["civic-space"]}"""
                    .formatted(c[0], run, i, c[0])).body().get("id").asString();
            coordinator.post("/api/membership/organisations/" + org + "/invitation", null);
            coordinator.post("/api/membership/organisations/" + org + "/join", null);
            organisations.add(org);
            String id = coordinator.post("/api/membership/people", """
                    {"displayName":"Member %1$s %3$d","fullName":"Member Loadtest %1$s","email":"load.%1$s.%2$s.%3$d@example.org",\
                    "country":"%1$s","preferredLanguage":"%4$s","timeZone":"%5$s","roles":["MEMBER"],"expertise":["ifis"]}"""
                    .formatted(c[0], run, i, c[1], c[2])).body().get("id").asString();
            coordinator.put("/api/membership/people/" + id + "/affiliations", "{\"organisationIds\":[\"" + org + "\"]}");
            coordinator.post("/api/membership/people/" + id + "/invitations", null);
            coordinator.as(id).post("/api/membership/people/" + id + "/invitation/accept", null);
            coordinator.as(id).post("/api/membership/people/" + id + "/consent",
                    "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\",\"contact-by-email\"]}");
            coordinator.post("/api/membership/people/" + id + "/activate", null);
            members.add(coordinator.as(id, Role.MEMBER));
            memberIds.add(id);
        }
        coordinator.post("/api/strategy/versions", null);
        int version = 0;
        for (var v : GatewayClient.JSON.readTree(coordinator.get("/api/strategy/versions").raw())) {
            if ("DRAFT".equals(v.get("status").asString())) {
                version = v.get("version").asInt();
            }
        }
        coordinator.put("/api/strategy/versions/" + version, """
                {"content":{"context":"Civic space in Central Asia and the IFIs.","goals":["Open budgets for IFI projects"],
                 "targetInstitutions":["world-bank"],"objectives":["Consult CSOs"],"actions":[],"indicators":[],"risks":[]}}""");
        LocalDateTime deadline = LocalDateTime.now(ZoneId.of("Asia/Almaty")).plusHours(6).truncatedTo(ChronoUnit.MINUTES);
        Answer opened = coordinator.post("/api/strategy/consultations", """
                {"subjectKind":"STRATEGY_VERSION","subjectRef":"%d","deadline":"%s","timeZone":"Asia/Almaty",
                 "invitedOrganisations":["%s"]}""".formatted(version, deadline, String.join("\",\"", organisations)));
        if (opened.status() != 201) {
            throw new IllegalStateException("consultation not opened: " + opened.raw());
        }
        String comments = "/api/strategy/consultations/" + opened.body().get("id").asString() + "/comments";
        // invited through their organisation: allowed once the affiliation has reached strategy-service
        until(() -> members.get(members.size() - 1).post(comments,
                "{\"sectionKey\":\"goals\",\"quote\":\"Open budgets\",\"text\":\"First\"}"), 201);
        return new LoadPopulation(experts, assignments, members, memberIds, comments);
    }

    private static Answer until(Supplier<Answer> request, int status) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Answer answer = request.get();
        while (answer.status() != status && System.nanoTime() < deadline) {
            sleep(500);
            answer = request.get();
        }
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + answer.raw());
        }
        return answer;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
