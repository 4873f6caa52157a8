package org.civictaskforce.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.bson.Document;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.research.persistence.MemberDocument;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.jayway.jsonpath.JsonPath;

/**
 * Who may do what in research: every endpoint × every kind of caller, on their own and on someone
 * else's work, allowed and denied (issue 5's matrix), plus operator injection and mass assignment.
 *
 * <p>Fixtures, made fresh for every cell: expert E owns A0 (ASSIGNED), A (IN_PROGRESS, finding F
 * SUBMITTED), S (SUBMITTED, finding FS) and B (ACCEPTED, finding FB ACCEPTED). "other expert" is an
 * active expert with no assignments; "member" an active member without the expert role; "no role" an
 * invited person who is not active yet (signed in, no roles).
 */
@ServiceTest
class AccessRulesIT {

    /** 2xx = allowed; 401 no token; 403 role refused; 404 someone else's work, shown as not there. */
    private static final String MATRIX = """
            endpoint                                     coordinator  own-expert  other-expert  member  no-role  anonymous
            GET  /api/research/institutions                   200        200          200        200      403      401
            GET  /api/research/institutions/wb                200        200          200        200      403      401
            GET  /api/research/institutions/wb/standards/wb-ess10/versions 200 200    200        200      403      401
            PUT  /api/research/institutions/wb/standards/wb-ess10 200    403          403        403      403      401
            GET  /api/research/countries                      200        200          200        200      403      401
            GET  /api/research/countries/KZ/relations         200        200          200        200      403      401
            GET  /api/research/target-institutions            200        200          200        200      403      401
            GET  /api/research/working-group                  200        200          200        200      403      401
            GET  /api/research/coverage                       200        200          200        200      403      401
            GET  /api/research/search?q=bank                  200        200          200        200      403      401
            POST /api/research/assignments                    201        403          403        403      403      401
            GET  /api/research/assignments                    200        200          200        403      403      401
            GET  /api/research/assignments/{A}                200        200          404        403      403      401
            POST /api/research/assignments/{A0}/start         403        200          404        403      403      401
            POST /api/research/assignments/{A}/submit         403        200          404        403      403      401
            POST /api/research/assignments/{S}/return         200        403          403        403      403      401
            POST /api/research/assignments/{S}/accept         200        403          403        403      403      401
            POST /api/research/assignments/{A}/findings       403        201          404        403      403      401
            GET  /api/research/assignments/{A}/findings       200        200          200        200      403      401
            GET  /api/research/findings/{F}                   200        200          404        404      403      401
            GET  /api/research/findings/{FB}                  200        200          200        200      403      401
            PUT  /api/research/findings/{F}                   403        200          404        403      403      401
            POST /api/research/findings/{FS}/comments         200        403          403        403      403      401
            POST /api/research/findings/{FS}/return           200        403          403        403      403      401
            """;
    /** One fixture per row of the matrix (the same application context serves every cell). */
    private static final Map<String, Fixture> ROWS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final List<String> CALLERS = List.of("coordinator", "own-expert", "other-expert", "member",
            "no-role", "anonymous");

    static final String FINDING = """
            {"statement":"The ESF requires a stakeholder engagement plan.","confidence":"high","standardIds":["wb-ess10"],
             "evidence":[{"link":"https://www.worldbank.org/","section":"ESS10","quote":"engage","accessedOn":"2026-11-01"}]}
            """;
    private static final String CORRECTION = """
            {"title":"ESS10 Stakeholder Engagement","year":2018,"summary":"Engagement throughout the project.",
             "url":"https://www.worldbank.org/ess10","confidence":"high","reason":"wording"}
            """;

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        MATRIX.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] f = line.split("\\s+");
            List<Arguments> row = new ArrayList<>();
            for (int i = 0; i < CALLERS.size(); i++) {
                row.add(Arguments.of(f[0] + " " + f[1], CALLERS.get(i), Integer.parseInt(f[2 + i])));
            }
            // the row shares one fixture: refusals change nothing, so they go first, the allowed call last
            row.sort(java.util.Comparator.comparing(a -> (Integer) a.get()[2] < 300 ? 1 : 0));
            cells.addAll(row);
        });
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void roleEndpointAndOwnership(String endpoint, String caller, int expected) {
        Fixture fx = ROWS.computeIfAbsent(endpoint, e -> fixture());
        String[] parts = endpoint.split(" ");
        String path = parts[1];
        for (var e : fx.ids.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        String body = body(parts[0], parts[1], fx);
        var request = http.method(HttpMethod.valueOf(parts[0])).uri(path);
        String token = fx.token(caller);
        if (token != null) {
            request.header("Authorization", token);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        request.exchange().expectStatus().isEqualTo(expected);
    }

    private static String body(String method, String path, Fixture fx) {
        if (path.endsWith("/findings") && method.equals("POST") || path.startsWith("/api/research/findings/{F}")
                && method.equals("PUT")) {
            return FINDING;
        }
        if (path.endsWith("/comments")) {
            return "{\"text\":\"Which page?\",\"returnForRevision\":true}";
        }
        if (path.endsWith("/return") && path.startsWith("/api/research/findings/")) {
            return "{\"comment\":\"Which page?\"}";
        }
        if (path.equals("/api/research/assignments") && method.equals("POST")) {
            return assignment(fx.expert);
        }
        if (method.equals("PUT") && path.contains("/standards/")) {
            return CORRECTION;
        }
        return null;
    }

    static String assignment(String expertId) {
        return """
                {"expertId":"%s","country":"KZ","institutionId":"wb","strand":"STANDARDS_AND_RULES","dueDate":"%s"}
                """.formatted(expertId, LocalDate.now().plusDays(30));
    }

    /** Lists are filtered, not refused: an expert sees their own assignments, others only accepted findings. */
    @Test
    void listsAreFilteredToWhatTheCallerMaySee() {
        Fixture fx = fixture();
        String own = get("/api/research/assignments?size=100", fx.token("own-expert"));
        List<String> experts = JsonPath.read(own, "$.content[*].expertId");
        assertThat(experts).hasSize(4).containsOnly(fx.expert);
        assertThat((Integer) JsonPath.read(get("/api/research/assignments?expertId=" + fx.expert,
                fx.token("other-expert")), "$.page.totalElements")).isZero();
        assertThat((Integer) JsonPath.read(get("/api/research/assignments", fx.token("other-expert")),
                "$.page.totalElements")).isZero();

        assertThat((List<?>) JsonPath.read(get("/api/research/assignments/" + fx.ids.get("A") + "/findings",
                fx.token("own-expert")), "$.findings")).hasSize(1);
        assertThat((List<?>) JsonPath.read(get("/api/research/assignments/" + fx.ids.get("A") + "/findings",
                fx.token("member")), "$.findings")).isEmpty();
        assertThat((List<String>) JsonPath.read(get("/api/research/assignments/" + fx.ids.get("B") + "/findings",
                fx.token("member")), "$.findings[*].status")).containsExactly("ACCEPTED");
    }

    @Test
    void operatorInjectionIsA400OrTakenLiterally() {
        Fixture fx = fixture();
        String coordinator = TestTokens.coordinator();
        send(HttpMethod.POST, "/api/research/assignments", coordinator,
                "{\"expertId\":{\"$gt\":\"\"},\"country\":\"KZ\",\"institutionId\":\"wb\","
                        + "\"strand\":\"STANDARDS_AND_RULES\",\"dueDate\":\"" + LocalDate.now().plusDays(9) + "\"}",
                400);
        send(HttpMethod.POST, "/api/research/assignments/" + fx.ids.get("A") + "/findings", fx.token("own-expert"),
                "{\"statement\":{\"$gt\":\"\"},\"confidence\":\"high\",\"evidence\":[{\"link\":\"https://x.org\","
                        + "\"accessedOn\":\"2026-11-01\"}]}", 400);
        send(HttpMethod.POST, "/api/research/findings/" + fx.ids.get("F") + "/comments", coordinator,
                "{\"text\":{\"$ne\":null}}", 400);
        String operator = "{\"$gt\":\"\"}";
        assertThat((Integer) JsonPath.read(get("/api/research/assignments?expertId={e}", coordinator, operator),
                "$.page.totalElements")).isZero();
        for (String path : List.of("/api/research/assignments/{id}", "/api/research/findings/{id}",
                "/api/research/institutions/{id}")) {
            http.get().uri(path, operator).header("Authorization", coordinator).exchange()
                    .expectStatus().isNotFound();
        }
        assertThat((Integer) JsonPath.read(get("/api/research/search?q={q}&kind=finding", coordinator, operator),
                "$.page.totalElements")).isZero();
        assertThat((Integer) JsonPath.read(get("/api/research/search?q={q}", coordinator, ".* ^ $ | \\"),
                "$.page.totalElements")).isZero();
    }

    @Test
    void statusAndExpertIdCannotBeSetThroughABody() {
        Fixture fx = fixture();
        String withStatus = FINDING.replace("{\"statement\"", "{\"status\":\"ACCEPTED\",\"statement\"");
        send(HttpMethod.PUT, "/api/research/findings/" + fx.ids.get("F"), fx.token("own-expert"), withStatus, 400);
        String withExpert = FINDING.replace("{\"statement\"", "{\"expertId\":\"" + fx.other + "\",\"statement\"");
        send(HttpMethod.POST, "/api/research/assignments/" + fx.ids.get("A") + "/findings", fx.token("own-expert"),
                withExpert, 400);
        send(HttpMethod.POST, "/api/research/assignments", TestTokens.coordinator(),
                assignment(fx.expert).replace("{\"expertId\"", "{\"status\":\"ACCEPTED\",\"expertId\""), 400);
        assertThat((String) JsonPath.read(get("/api/research/findings/" + fx.ids.get("F"), fx.token("own-expert")),
                "$.status")).isEqualTo("SUBMITTED");
        assertThat((List<?>) JsonPath.read(get("/api/research/findings/" + fx.ids.get("F"), fx.token("own-expert")),
                "$.versions")).hasSize(1);
    }

    private void send(HttpMethod method, String uri, String token, String json, int expected) {
        http.method(method).uri(uri).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .body(json).exchange().expectStatus().isEqualTo(expected)
                .expectHeader().contentTypeCompatibleWith(expected >= 400 ? "application/problem+json" : "application/json");
    }

    private String get(String uri, String token, Object... variables) {
        return http.get().uri(uri, variables).header("Authorization", token).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    static final class Fixture {
        final String expert;
        final String other;
        final String member;
        final String invited = UUID.randomUUID().toString();
        final Map<String, String> ids = new HashMap<>();

        Fixture(String expert, String other, String member) {
            this.expert = expert;
            this.other = other;
            this.member = member;
        }

        String token(String caller) {
            return switch (caller) {
                case "coordinator" -> TestTokens.coordinator();
                case "own-expert" -> TestTokens.bearer(expert, Role.EXPERT, Role.MEMBER);
                case "other-expert" -> TestTokens.bearer(other, Role.EXPERT, Role.MEMBER);
                case "member" -> TestTokens.bearer(member, Role.MEMBER);
                case "no-role" -> TestTokens.person(invited);
                case "anonymous" -> null;
                default -> throw new IllegalArgumentException(caller);
            };
        }
    }

    private String activeMember(String role) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("country", "KZ").append("status", "INVITED")
                .append("membership", "ACTIVE").append("roles", List.of(role)), MemberDocument.COLLECTION);
        return id;
    }

    private Fixture fixture() {
        Fixture fx = new Fixture(activeMember("expert"), activeMember("expert"), activeMember("member"));
        String coordinator = TestTokens.coordinator();
        String expert = fx.token("own-expert");
        fx.ids.put("A0", create(fx.expert));
        fx.ids.put("A", create(fx.expert));
        step(fx.ids.get("A"), "start", expert);
        fx.ids.put("F", finding(fx.ids.get("A"), expert));
        fx.ids.put("S", create(fx.expert));
        step(fx.ids.get("S"), "start", expert);
        fx.ids.put("FS", finding(fx.ids.get("S"), expert));
        step(fx.ids.get("S"), "submit", expert);
        fx.ids.put("B", create(fx.expert));
        step(fx.ids.get("B"), "start", expert);
        fx.ids.put("FB", finding(fx.ids.get("B"), expert));
        step(fx.ids.get("B"), "submit", expert);
        step(fx.ids.get("B"), "accept", coordinator);
        return fx;
    }

    private String create(String expertId) {
        return JsonPath.read(http.post().uri("/api/research/assignments").header("Authorization", TestTokens.coordinator())
                .contentType(MediaType.APPLICATION_JSON).body(assignment(expertId)).exchange().expectStatus()
                .isCreated().expectBody(String.class).returnResult().getResponseBody(), "$.id");
    }

    private void step(String id, String action, String token) {
        http.post().uri("/api/research/assignments/" + id + "/" + action).header("Authorization", token).exchange()
                .expectStatus().isOk();
    }

    private String finding(String assignmentId, String token) {
        return JsonPath.read(http.post().uri("/api/research/assignments/" + assignmentId + "/findings")
                .header("Authorization", token).contentType(MediaType.APPLICATION_JSON).body(FINDING).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody(), "$.id");
    }
}
