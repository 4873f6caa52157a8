package org.civictaskforce.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.TestEvents;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Who may do what: one row per caller × endpoint × own/other object, with the answer expected. A
 * refusal is a 403 problem; an object the caller may not see answers 404 (as if it did not exist);
 * no token is 401, except on the public guide editions. Also injection and mass-assignment.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrategyAccessMatrixIT {
    static final String S = "/api/strategy";
    static final String INVITEE = "invitee", OTHER_INVITEE = "other-invitee", GUEST = "guest-no-role",
            STRANGER = "stranger-no-role", MEMBER = "member-not-invited", TRANSLATOR_KY = "translator-ky",
            TRANSLATOR_KK = "translator-kk";

    /** Callers by name: the Authorization header value, or null for no token. */
    static final Map<String, String> CALLERS = Map.of(
            "coordinator", TestTokens.coordinator(),
            "member", TestTokens.bearer(MEMBER, Role.MEMBER),
            "observer", TestTokens.bearer("observer", Role.OBSERVER),
            "invitee", TestTokens.bearer(INVITEE, Role.MEMBER, Role.EXPERT),
            "guest", TestTokens.person(GUEST),
            "stranger", TestTokens.person(STRANGER),
            "translator-ky", TestTokens.bearer(TRANSLATOR_KY, Role.TRANSLATOR),
            "translator-kk", TestTokens.bearer(TRANSLATOR_KK, Role.TRANSLATOR),
            "anonymous", "");

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> kafka;

    RestTestClient http;
    int version;
    String round, ownComment, otherComment, resolvable;

    @BeforeAll
    void fixture() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        for (String p : List.of(INVITEE, OTHER_INVITEE, GUEST)) {
            TestEvents.publish(kafka, Topics.MEMBERSHIP_EVENTS, EventEnvelope.of("/membership-service", p,
                    new PersonRegistered(p, "KZ", "ru", Instant.now()), "corr-" + p));
        }
        version = call("coordinator", HttpMethod.POST, S + "/versions", null, 201).path("version").asInt();
        call("coordinator", HttpMethod.PUT, S + "/versions/" + version, Map.of("content",
                Map.of("context", "Context text", "goals", List.of("Goal one"))), 200);
        round = call("coordinator", HttpMethod.POST, S + "/consultations", roundBody(), 201).path("id").asString();
        ownComment = comment(INVITEE);
        otherComment = comment(OTHER_INVITEE);
        resolvable = comment(OTHER_INVITEE);
        call("coordinator", HttpMethod.POST, S + "/guide/sections", Map.of("key", "intro", "title", "Введение",
                "body", "Текст"), 201);
        call("coordinator", HttpMethod.PUT, S + "/guide/translators/ky/" + TRANSLATOR_KY, null, 200);
        call("coordinator", HttpMethod.PUT, S + "/guide/translators/kk/" + TRANSLATOR_KK, null, 200);
    }

    Map<String, Object> roundBody() {
        return Map.of("subjectKind", "STRATEGY_VERSION", "subjectRef", String.valueOf(version), "deadline",
                LocalDateTime.now(ZoneId.of("Asia/Bishkek")).plusDays(2).truncatedTo(ChronoUnit.SECONDS).toString(),
                "timeZone", "Asia/Bishkek", "invitedPeople", List.of(INVITEE, OTHER_INVITEE, GUEST));
    }

    String comment(String author) {
        return call(author.equals(INVITEE) ? "invitee" : null, author, HttpMethod.POST,
                S + "/consultations/" + round + "/comments", Map.of("sectionKey", "goals", "text", "From " + author),
                201).path("id").asString();
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                // the strategy: members read, coordinators write
                row("coordinator", "GET", "/versions", null, 200),
                row("member", "GET", "/versions", null, 200),
                row("observer", "GET", "/versions/{v}", null, 200),
                row("guest", "GET", "/versions", null, 403),
                row("anonymous", "GET", "/versions", null, 401),
                row("member", "POST", "/versions", null, 403),
                row("coordinator", "POST", "/versions", null, 409), // allowed, but a draft exists
                row("member", "PUT", "/versions/{v}", "{\"content\":{\"context\":\"x\"}}", 403),
                row("translator-ky", "PUT", "/versions/{v}", "{\"content\":{\"context\":\"x\"}}", 403),
                row("member", "POST", "/versions/{v}/adopt", null, 403),
                row("coordinator", "POST", "/versions/{v}/adopt", null, 409), // allowed, no closed round yet
                row("guest", "GET", "/evidence", null, 403),
                // rounds: coordinators open; members and invitees see; others 404
                row("member", "POST", "/consultations", "ROUND", 403),
                row("invitee", "POST", "/consultations", "ROUND", 403),
                row("coordinator", "POST", "/consultations", "ROUND", 201),
                row("member", "GET", "/consultations/{r}", null, 200),
                row("guest", "GET", "/consultations/{r}", null, 200), // invited, no role yet
                row("stranger", "GET", "/consultations/{r}", null, 404),
                row("anonymous", "GET", "/consultations/{r}", null, 401),
                // comments: invitees only; own comment only
                row("invitee", "POST", "/consultations/{r}/comments", "{\"sectionKey\":\"goals\",\"text\":\"t\"}", 201),
                row("guest", "POST", "/consultations/{r}/comments", "{\"sectionKey\":\"goals\",\"text\":\"t\"}", 201),
                row("member", "POST", "/consultations/{r}/comments", "{\"sectionKey\":\"goals\",\"text\":\"t\"}", 403),
                row("coordinator", "POST", "/consultations/{r}/comments", "{\"sectionKey\":\"goals\",\"text\":\"t\"}", 403),
                row("stranger", "POST", "/consultations/{r}/comments", "{\"sectionKey\":\"goals\",\"text\":\"t\"}", 404),
                row("invitee", "PUT", "/consultations/{r}/comments/{own}", "{\"text\":\"changed\"}", 200),
                row("invitee", "PUT", "/consultations/{r}/comments/{other}", "{\"text\":\"changed\"}", 403),
                row("coordinator", "PUT", "/consultations/{r}/comments/{other}", "{\"text\":\"changed\"}", 403),
                row("invitee", "DELETE", "/consultations/{r}/comments/{other}", null, 403),
                row("coordinator", "DELETE", "/consultations/{r}/comments/{other}", null, 403),
                row("invitee", "POST", "/consultations/{r}/comments/{other}/replies", "{\"text\":\"re\"}", 201),
                row("member", "POST", "/consultations/{r}/comments/{other}/replies", "{\"text\":\"re\"}", 403),
                row("invitee", "POST", "/consultations/{r}/comments/{resolvable}/resolution", "{\"outcome\":\"ACCEPTED\"}", 403),
                row("coordinator", "POST", "/consultations/{r}/comments/{resolvable}/resolution",
                        "{\"outcome\":\"DECLINED\",\"reason\":\"out of scope\"}", 200),
                // the guide: a language's assigned translators write; coordinators review and assign
                row("translator-ky", "PUT", "/guide/sections/intro/translations/ky", "TRANSLATION", 200),
                row("translator-kk", "PUT", "/guide/sections/intro/translations/ky", "TRANSLATION", 403),
                row("coordinator", "PUT", "/guide/sections/intro/translations/ky", "TRANSLATION", 403),
                row("member", "PUT", "/guide/sections/intro/translations/ky", "TRANSLATION", 403),
                row("translator-ky", "POST", "/guide/sections/intro/translations/ky/approve", null, 403),
                row("translator-ky", "PUT", "/guide/translators/ky/someone", null, 403),
                row("coordinator", "PUT", "/guide/translators/uz/someone", null, 200),
                row("translator-ky", "POST", "/guide/sections", "{\"key\":\"t\",\"title\":\"t\",\"body\":\"b\"}", 403),
                row("translator-ky", "POST", "/guide/editions/ky", null, 403),
                row("anonymous", "GET", "/guide/editions/ky/1", null, 404), // public: no token needed
                row("anonymous", "GET", "/guide", null, 401));
    }

    static Arguments row(String caller, String method, String path, String body, int status) {
        return Arguments.of(caller, method, path, body, status);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {4}")
    @MethodSource("matrix")
    void whoMayDoWhat(String caller, String method, String path, String body, int status) {
        String uri = S + path.replace("{v}", String.valueOf(version)).replace("{r}", round)
                .replace("{own}", ownComment).replace("{other}", otherComment).replace("{resolvable}", resolvable);
        Object payload = "ROUND".equals(body) ? roundBody()
                : "TRANSLATION".equals(body) ? Map.of("title", "Киришүү", "body", "Текст", "basedOnRevision", 1)
                : body;
        JsonNode answer = call(caller, HttpMethod.valueOf(method), uri, payload, status);
        if (status == 403) {
            assertThat(answer.path("type").asString()).isEqualTo("/problems/forbidden");
            assertThat(answer.toString()).doesNotContain(OTHER_INVITEE);
        }
    }

    @Test
    void injectionAndMassAssignmentChangeNothing() {
        String r = S + "/consultations/" + round;
        // an operator object where a string is expected is a 400, never a query
        call("invitee", HttpMethod.POST, r + "/comments", "{\"sectionKey\":{\"$ne\":null},\"text\":\"t\"}", 400);
        call("coordinator", HttpMethod.GET, S + "/consultations/$where", null, 404);
        call("coordinator", HttpMethod.GET, S + "/consultations/round-1' || '1'=='1", null, 404);
        call("invitee", HttpMethod.POST, r + "/comments", "{\"sectionKey\":\"goals\",\"quote\":\".*\",\"text\":\"t\"}",
                422); // a quote is matched literally, not as a pattern
        // a commenter cannot set the author, a resolution, a time or an id: such a body is a 400 (platform-kit's
        // strict request JSON) and stores nothing
        call("invitee", HttpMethod.POST, r + "/comments", """
                {"sectionKey":"goals","text":"mine","authorId":"%s","id":"forged","at":"2020-01-01T00:00:00Z",
                 "resolution":{"outcome":"ACCEPTED","reason":"x","by":"%s"},"organisationIds":["org-x"],"country":"US"}"""
                .formatted(OTHER_INVITEE, TestTokens.COORDINATOR_ID), 400);
        assertThat(call("coordinator", HttpMethod.GET, r, null, 200).toString()).doesNotContain("forged")
                .doesNotContain("org-x");
        JsonNode c = call("invitee", HttpMethod.POST, r + "/comments", "{\"sectionKey\":\"goals\",\"text\":\"mine\"}",
                201);
        assertThat(c.path("authorId").asString()).isEqualTo(INVITEE);
        assertThat(c.path("id").asString()).startsWith("comment-").isNotEqualTo("forged");
        assertThat(c.path("resolution").isNull() || c.path("resolution").isMissingNode()).isTrue();
        assertThat(c.path("organisationIds").toString()).doesNotContain("org-x");
        assertThat(c.path("country").asString()).isNotEqualTo("US");
        assertThat(Instant.parse(c.path("at").asString())).isAfter(Instant.parse("2025-01-01T00:00:00Z"));
        // a coordinator's resolution cannot be attributed to someone else
        call("coordinator", HttpMethod.POST, r + "/comments/" + c.path("id").asString() + "/resolution",
                "{\"outcome\":\"ACCEPTED\",\"by\":\"" + INVITEE + "\"}", 400);
        JsonNode resolved = call("coordinator", HttpMethod.POST, r + "/comments/" + c.path("id").asString()
                + "/resolution", "{\"outcome\":\"ACCEPTED\"}", 200);
        assertThat(resolved.path("resolution").path("by").asString()).isEqualTo(TestTokens.COORDINATOR_ID);
        // an unknown outcome is a 400; a round opened on nothing is refused
        call("coordinator", HttpMethod.POST, r + "/comments/" + ownComment + "/resolution", "{\"outcome\":\"MAYBE\"}", 400);
        call("coordinator", HttpMethod.POST, S + "/consultations", Map.of("subjectKind", "STRATEGY_VERSION",
                "subjectRef", "1; drop", "deadline", "2030-01-01T10:00:00", "timeZone", "Asia/Almaty",
                "invitedPeople", List.of(INVITEE)), 422);
        call("coordinator", HttpMethod.POST, S + "/consultations", Map.of("subjectKind", "STRATEGY_VERSION",
                "subjectRef", String.valueOf(version), "deadline", "2030-01-01T10:00:00", "timeZone", "Mars/Olympus",
                "invitedPeople", List.of(INVITEE)), 422);
    }

    JsonNode call(String caller, HttpMethod method, String uri, Object body, int status) {
        return call(caller, null, method, uri, body, status);
    }

    /** As a named caller, or (caller null) as a member with this person id. */
    JsonNode call(String caller, String personId, HttpMethod method, String uri, Object body, int status) {
        String token = caller == null ? TestTokens.bearer(personId, Role.MEMBER) : CALLERS.get(caller);
        var spec = http.method(method).uri(uri);
        if (!token.isEmpty()) {
            spec = spec.header("Authorization", token);
        }
        var exchange = body == null ? spec.exchange()
                : body instanceof String s ? spec.contentType(MediaType.APPLICATION_JSON).body(s).exchange()
                : spec.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
        String text = exchange.expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
        return EventJson.MAPPER.readTree(text == null || text.isBlank() ? "{}" : text);
    }
}
