package org.civictaskforce.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.PersonAffiliationsChanged;
import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.contracts.membership.TargetInstitutionsDecided;
import org.civictaskforce.contracts.research.FindingAccepted;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.TestEvents;
import org.civictaskforce.platform.testing.TopicReader;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The strategy and its consultation over HTTP, on an embedded broker and the wire-compatible store:
 * a draft with decided targets and accepted evidence, a round with invitees from four countries,
 * comments, replies, resolution, the round closing by itself at its deadline, a late comment
 * refused, participation, adoption and immutability, erasure, and the events on the topic.
 */
@ServiceTest(properties = "strategy.consultation.clock-interval=PT0.2S")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsultationApiIT {
    private static final String S = "/api/strategy";
    private static final String ZONE = "Asia/Almaty";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    static final String KZ = "kz-" + RUN, KG = "kg-" + RUN, UZ = "uz-" + RUN, TJ = "tj-" + RUN, OUTSIDER = "out-" + RUN;
    static final String ORG_KZ = "org-kz-" + RUN;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;

    RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", TestTokens.coordinator()).build();
    }

    @Test
    @Order(1)
    void draftConsultCloseAtDeadlineAdoptAndKeepImmutable() {
        // inputs from the other services: people with countries (KZ through an organisation), targets, a finding
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (String[] p : new String[][] { { KZ, "KZ" }, { KG, "KG" }, { UZ, "UZ" }, { TJ, "TJ" }, { OUTSIDER, "TM" } }) {
            membership(p[0], new PersonRegistered(p[0], p[1], "ru", now));
        }
        membership(KZ, new PersonAffiliationsChanged(KZ, List.of(ORG_KZ), now));
        membership("meeting-1", new TargetInstitutionsDecided("meeting-1", "d-1", List.of("world-bank", "ebrd"), now));
        String finding = "finding-" + RUN;
        TestEvents.publish(kafka, Topics.RESEARCH_EVENTS, EventEnvelope.of("/research-service", finding,
                new FindingAccepted(finding, "assignment-1", 2, now), "corr-" + RUN));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(get(S + "/evidence").toString()).contains(finding);
            assertThat(get(S + "/targets").toString()).contains("world-bank");
            assertThat(mongo.getCollection("participants").countDocuments(
                    new org.bson.Document("organisationIds", ORG_KZ))).isEqualTo(1);
        });

        // a draft starts with the decided targets; evidence must be an accepted finding
        JsonNode draft = send(HttpMethod.POST, S + "/versions", null, TestTokens.coordinator(), 201);
        int v = draft.path("version").asInt();
        assertThat(draft.path("content").path("targetInstitutions").toString()).contains("world-bank", "ebrd");
        Map<String, Object> content = content(finding);
        JsonNode unknownEvidence = send(HttpMethod.PUT, S + "/versions/" + v,
                Map.of("content", content("finding-unknown")), TestTokens.coordinator(), 422);
        assertThat(unknownEvidence.path("detail").asString()).contains("not an accepted research finding");
        send(HttpMethod.PUT, S + "/versions/" + v, Map.of("content", content, "status", "ADOPTED", "adoptedBy", "someone"),
                TestTokens.coordinator(), 400); // a status in the body is refused (platform-kit's strict request JSON)
        JsonNode edited = send(HttpMethod.PUT, S + "/versions/" + v, Map.of("content", content), TestTokens.coordinator(),
                200);
        assertThat(edited.path("status").asString()).as("the refused body set no status").isEqualTo("DRAFT");
        assertThat(edited.path("content").path("risks").get(0).path("reprisal").asBoolean()).isTrue();
        send(HttpMethod.POST, S + "/versions/" + v + "/adopt", null, TestTokens.coordinator(), 409);

        // a round with a deadline a few seconds ahead, in Almaty time
        LocalDateTime deadline = LocalDateTime.now(ZoneId.of(ZONE)).plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        JsonNode round = send(HttpMethod.POST, S + "/consultations", Map.of("subjectKind", "STRATEGY_VERSION",
                "subjectRef", String.valueOf(v), "deadline", deadline.toString(), "timeZone", ZONE,
                "invitedOrganisations", List.of(ORG_KZ), "invitedPeople", List.of(KG, UZ, TJ)),
                TestTokens.coordinator(), 201);
        String id = round.path("id").asString();
        String r = S + "/consultations/" + id;
        assertThat(round.path("timeZone").asString()).isEqualTo(ZONE);
        assertThat(LocalDateTime.parse(round.path("deadlineLocal").asString())).isEqualTo(deadline);
        assertThat(Instant.parse(round.path("deadline").asString())).isEqualTo(deadline.atZone(ZoneId.of(ZONE)).toInstant());
        // the consulted text per section, in the sections' order: what invitees read and quote from
        assertThat(round.path("texts").get(1).path("key").asString()).isEqualTo("goals");
        assertThat(round.path("texts").get(1).path("text").asString()).contains("Open budgets");
        assertThat(get(r).path("texts").size()).isEqualTo(round.path("sections").size());

        // invitees comment (KZ through the invited organisation), quoting passages of the section
        String kzComment = send(HttpMethod.POST, r + "/comments", Map.of("sectionKey", "goals", "quote",
                "Open budgets", "text", "Add the EBRD."), member(KZ), 201).path("id").asString();
        // an author, resolution or id in the body is refused (platform-kit's strict request JSON), not dropped
        send(HttpMethod.POST, r + "/comments", Map.of("sectionKey", "context", "text", "Agree.",
                "authorId", KG, "resolution", Map.of("outcome", "ACCEPTED", "by", KG), "id", "comment-forged"),
                member(UZ), 400);
        assertThat(get(r).toString()).doesNotContain("comment-forged");
        JsonNode agreed = send(HttpMethod.POST, r + "/comments", Map.of("sectionKey", "context", "text", "Agree."),
                member(UZ), 201);
        assertThat(agreed.path("authorId").asString()).as("the author is the caller").isEqualTo(UZ);
        assertThat(agreed.path("resolution").isNull() || agreed.path("resolution").isMissingNode()).isTrue();
        send(HttpMethod.POST, r + "/comments", Map.of("sectionKey", "risks", "text", "Mind the reprisals."), member(KG), 201);
        send(HttpMethod.POST, r + "/comments", Map.of("sectionKey", "actions", "text", "Dates too tight."), member(TJ), 201);
        // refusals: quote not in the section, unknown section, not invited, someone else's comment
        assertThat(send(HttpMethod.POST, r + "/comments", Map.of("sectionKey", "goals", "quote", "not there",
                "text", "x"), member(KG), 422).path("detail").asString()).contains("does not occur");
        send(HttpMethod.POST, r + "/comments", Map.of("sectionKey", "nope", "text", "x"), member(KG), 422);
        assertThat(send(HttpMethod.POST, r + "/comments", Map.of("sectionKey", "goals", "text", "x"),
                member(OUTSIDER), 403).path("type").asString()).isEqualTo("/problems/forbidden");
        send(HttpMethod.PUT, r + "/comments/" + kzComment, Map.of("text", "changed by another"), member(KG), 403);
        send(HttpMethod.DELETE, r + "/comments/" + kzComment, null, member(KG), 403);
        send(HttpMethod.POST, r + "/comments/" + kzComment + "/resolution", Map.of("outcome", "ACCEPTED"), member(KZ), 403);
        send(HttpMethod.PUT, r + "/comments/" + kzComment, Map.of("text", "Add the EBRD and the ADB."), member(KZ), 200);
        // a reply and a resolution; declining needs a reason
        send(HttpMethod.POST, r + "/comments/" + kzComment + "/replies", Map.of("text", "Good point."),
                TestTokens.coordinator(), 201);
        send(HttpMethod.POST, r + "/comments/" + kzComment + "/resolution", Map.of("outcome", "DECLINED"),
                TestTokens.coordinator(), 422);
        send(HttpMethod.POST, r + "/comments/" + kzComment + "/resolution",
                Map.of("outcome", "ACCEPTED", "by", "someone-else"), TestTokens.coordinator(), 400);
        JsonNode resolved = send(HttpMethod.POST, r + "/comments/" + kzComment + "/resolution",
                Map.of("outcome", "ACCEPTED"), TestTokens.coordinator(), 200);
        assertThat(resolved.path("resolution").path("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(resolved.path("resolution").path("by").asString()).isEqualTo(TestTokens.COORDINATOR_ID);
        assertThat(resolved.path("text").asString()).isEqualTo("Add the EBRD and the ADB.");

        // the round closes by itself at its deadline; a late comment is refused, naming the deadline
        await().atMost(PATIENCE).until(() -> get(r).path("status").asString().equals("CLOSED"));
        JsonNode late = send(HttpMethod.POST, r + "/comments", Map.of("sectionKey", "goals", "text", "Late."),
                member(KG), 409);
        assertThat(late.path("detail").asString()).contains("closed at its deadline").contains(ZONE)
                .contains(deadline.toLocalDate().toString());
        JsonNode participation = get(r + "/participation");
        assertThat(participation.path("countries").asInt()).isEqualTo(4);
        assertThat(participation.path("organisations").asInt()).isEqualTo(1);
        assertThat(participation.path("organisationsAndExperts").asInt()).isEqualTo(4);
        assertThat(participation.path("targetMet").asBoolean()).isFalse();

        // adoption, then the version is immutable and a new draft starts from it
        assertThat(send(HttpMethod.POST, S + "/versions/" + v + "/adopt", null, TestTokens.coordinator(), 200)
                .path("status").asString()).isEqualTo("ADOPTED");
        assertThat(send(HttpMethod.PUT, S + "/versions/" + v, Map.of("content", content), TestTokens.coordinator(), 409)
                .path("detail").asString()).contains("immutable");
        send(HttpMethod.POST, S + "/versions/" + v + "/adopt", null, TestTokens.coordinator(), 409);
        JsonNode next = send(HttpMethod.POST, S + "/versions", null, TestTokens.coordinator(), 201);
        assertThat(next.path("basedOn").asInt()).isEqualTo(v);
        assertThat(next.path("content").path("goals").toString()).contains("Open budgets");
        send(HttpMethod.POST, S + "/versions", null, TestTokens.coordinator(), 409);

        // every change left through the outbox, valid, text-free, and the round closed exactly once
        List<ConsumerRecord<String, String>> events = TopicReader.read(bootstrap, Topics.STRATEGY_EVENTS,
                rs -> rs.stream().filter(e -> e.value().contains("draft-started")).count() >= 2
                        && rs.stream().anyMatch(e -> e.value().contains("consultation.closed\"") && e.value().contains(id)),
                PATIENCE);
        assertThat(events).allSatisfy(e -> assertThat(EventSchemas.violations(e.value())).isEmpty());
        assertThat(events).extracting(e -> EventJson.readEnvelope(e.value()).type()).contains(
                "org.civictaskforce.strategy.strategy.draft-changed", "org.civictaskforce.strategy.consultation.opened",
                "org.civictaskforce.strategy.consultation.comment-added",
                "org.civictaskforce.strategy.consultation.comment-resolved",
                "org.civictaskforce.strategy.consultation.closing-soon",
                "org.civictaskforce.strategy.strategy.version-adopted");
        assertThat(events.stream().filter(e -> e.value().contains("consultation.closed\"")
                && e.value().contains(id))).hasSize(1);
        assertThat(events).allSatisfy(e -> assertThat(e.value()).doesNotContain("Add the EBRD").doesNotContain("reprisals"));
    }

    @Test
    @Order(2)
    void erasureAnonymisesCommentsAndTranslators() {
        // a translator of ky writes a translation, a commenter comments
        String translator = "tr-" + RUN;
        http.post().uri(S + "/guide/sections").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("key", "erase-" + RUN, "title", "Заголовок", "body", "Текст")).exchange()
                .expectStatus().isCreated();
        send(HttpMethod.PUT, S + "/guide/translators/ky/" + translator, null, TestTokens.coordinator(), 200);
        send(HttpMethod.PUT, S + "/guide/sections/erase-" + RUN + "/translations/ky",
                Map.of("title", "Аталыш", "body", "Текст", "basedOnRevision", 1), TestTokens.bearer(translator, Role.TRANSLATOR), 200);
        JsonNode round = send(HttpMethod.POST, S + "/consultations", Map.of("subjectKind", "STRATEGY_VERSION",
                "subjectRef", String.valueOf(latestDraft()), "deadline",
                LocalDateTime.now(ZoneId.of(ZONE)).plusDays(3).truncatedTo(ChronoUnit.SECONDS).toString(),
                "timeZone", ZONE, "invitedPeople", List.of(KG)), TestTokens.coordinator(), 201);
        String r = S + "/consultations/" + round.path("id").asString();
        send(HttpMethod.POST, r + "/comments", Map.of("sectionKey", "goals", "text", "Mine."), member(KG), 201);

        membership(KG, new PersonErased(KG, Instant.now()));
        membership(translator, new PersonErased(translator, Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode after = get(r);
            assertThat(after.toString()).doesNotContain(KG);
            assertThat(after.path("comments").get(0).path("authorId").asString()).startsWith("erased-");
            assertThat(after.path("comments").get(0).path("text").asString()).isEqualTo("Mine.");
            assertThat(get(S + "/guide/translators").path("ky").toString()).doesNotContain(translator);
            assertThat(mongo.getCollection("guides").find().first().toJson()).doesNotContain(translator);
            assertThat(mongo.getCollection("consultation_rounds").find().into(new java.util.ArrayList<>()).toString())
                    .doesNotContain(KG);
        });
    }

    /**
     * A protected person's comment carries no country, and a round's participation does not count
     * it: both are read by every member and invitee of the round next to the commenter's id.
     */
    @Test
    @Order(3)
    void aProtectedCommentersCountryIsNeitherOnTheCommentNorInTheParticipation() {
        String hidden = "hidden-" + RUN;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        membership(hidden, new PersonRegistered(hidden, "TM", "ru", now));
        membership(hidden, new PersonProfileUpdated(hidden, List.of("MEMBER"), List.of(), List.of(), true, now));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mongo.getCollection("participants")
                .find(new org.bson.Document("_id", hidden)).first()).isNotNull()
                .extracting(d -> d.get("protectedIdentity")).isEqualTo(true));
        JsonNode round = send(HttpMethod.POST, S + "/consultations", Map.of("subjectKind", "STRATEGY_VERSION",
                "subjectRef", String.valueOf(latestDraft()), "deadline",
                LocalDateTime.now(ZoneId.of(ZONE)).plusDays(3).truncatedTo(ChronoUnit.SECONDS).toString(),
                "timeZone", ZONE, "invitedPeople", List.of(hidden)), TestTokens.coordinator(), 201);
        String r = S + "/consultations/" + round.path("id").asString();

        JsonNode comment = send(HttpMethod.POST, r + "/comments", Map.of("sectionKey", "goals", "text", "Hidden."),
                member(hidden), 201);

        assertThat(comment.path("country").isMissingNode() || comment.path("country").isNull()).isTrue();
        JsonNode read = send(HttpMethod.GET, r, null, member("reader-" + RUN), 200);
        assertThat(read.toString()).doesNotContain("\"TM\"");
        assertThat(read.path("participation").path("countries").asInt()).isZero();
        assertThat(read.path("participation").path("people").asInt()).isEqualTo(1);
    }

    private int latestDraft() {
        JsonNode versions = get(S + "/versions");
        return versions.get(versions.size() - 1).path("version").asInt();
    }

    static Map<String, Object> content(String finding) {
        return Map.of("context", "Central Asian CSOs and the IFIs.",
                "goals", List.of("Open budgets for IFI projects", "Safe participation"),
                "targetInstitutions", List.of("world-bank", "ebrd"),
                "objectives", List.of("Consultations in every country"),
                "actions", List.of(Map.of("text", "Brief the EBRD", "ownerId", KZ, "due", "2027-03-01",
                        "status", "PLANNED")),
                "indicators", List.of("4 countries consulted"),
                "risks", List.of(Map.of("description", "Reprisals against participants", "reprisal", true,
                        "mitigation", "Anonymous participation")),
                "evidence", List.of(finding));
    }

    static String member(String personId) {
        return TestTokens.bearer(personId, Role.MEMBER);
    }

    private void membership(String key, Object event) {
        TestEvents.publish(kafka, Topics.MEMBERSHIP_EVENTS,
                EventEnvelope.of("/membership-service", key, event, "corr-" + UUID.randomUUID()));
    }

    private JsonNode get(String uri) {
        return json(http.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody());
    }

    private JsonNode send(HttpMethod method, String uri, Object body, String token, int status) {
        var spec = http.method(method).uri(uri).header("Authorization", token);
        var response = body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
        return json(response.expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody());
    }

    private static JsonNode json(String text) {
        return EventJson.MAPPER.readTree(text == null || text.isBlank() ? "{}" : text);
    }
}
