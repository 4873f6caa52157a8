package org.civictaskforce.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.platform.testing.TestEvents;
import org.civictaskforce.contracts.membership.MemberActivated;
import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.MemberLeft;
import org.civictaskforce.contracts.membership.MemberRemoved;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.contracts.membership.TargetInstitutionsDecided;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.platform.testing.TopicReader;
import org.civictaskforce.research.persistence.MemberDocument;
import org.civictaskforce.research.web.WorkingGroupResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The whole service against a real Kafka broker (embedded) and the MongoDB-wire-compatible store:
 * membership events in, the working-group counts out, dead letters parked and re-driven.
 *
 * <p>The tests share one application context, so each uses its own people and countries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3, topics = Topics.MEMBERSHIP_EVENTS,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ResearchServiceIT {
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.MEMBERSHIP_EVENTS, "research-service");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("research-it-" + UUID.randomUUID()));
    }

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
                .defaultHeader("Authorization", org.civictaskforce.platform.security.TestTokens.coordinator()).build();
    }

    @Test
    void registeredAndInvitedPeopleAreCountedByCountry() {
        WorkingGroupResponse before = workingGroup();
        String kz1 = person(), kz2 = person(), kg = person();

        publish(registered(kz1, "KZ"));
        publish(registered(kz2, "KZ"));
        publish(registered(kg, "KG"));
        publish(invited(kz2));

        await().atMost(PATIENCE).untilAsserted(() -> {
            WorkingGroupResponse now = workingGroup();
            assertThat(now.peopleInPipeline().byCountry()).containsEntry("KZ", 2L).containsEntry("KG", 1L);
            assertThat(now.peopleInPipeline().invited()).isEqualTo(before.peopleInPipeline().invited() + 1);
        });
        WorkingGroupResponse after = workingGroup();
        assertThat(after.peopleInPipeline().total()).isEqualTo(before.peopleInPipeline().total() + 3);
        assertThat(after.peopleInPipeline().candidates()).isEqualTo(before.peopleInPipeline().candidates() + 2);
        assertThat(after.countries()).isEqualTo(before.countries() + 2);
    }

    /**
     * membership's rule for protected identities (their country only for coordinators) applies to the
     * counts: a protected person registering in TM moves the totals but not TM for a member; a
     * coordinator sees them under TM.
     */
    @Test
    void aProtectedPersonMovesNoCountryCountForAMemberButDoesForACoordinator() {
        String protectedPerson = person(), flaggedAtRegistration = person();
        WorkingGroupResponse memberBefore = workingGroup(MEMBER);
        WorkingGroupResponse coordinatorBefore = workingGroup();

        // an event from before the flag, then the profile that says so
        publish(registered(protectedPerson, "TM"));
        publish(envelope(protectedPerson, new PersonProfileUpdated(protectedPerson, List.of("EXPERT"), List.of(),
                List.of(), true, Instant.now().truncatedTo(ChronoUnit.MILLIS))));
        // the registration itself says so
        publish(envelope(flaggedAtRegistration, new PersonRegistered(flaggedAtRegistration, "TM", "ru",
                Instant.now().truncatedTo(ChronoUnit.MILLIS), true)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(member(protectedPerson)).isNotNull().extracting(MemberDocument::protectedIdentity)
                    .isEqualTo(true);
            assertThat(member(flaggedAtRegistration)).isNotNull().extracting(MemberDocument::protectedIdentity)
                    .isEqualTo(true);
        });

        WorkingGroupResponse memberAfter = workingGroup(MEMBER);
        assertThat(memberAfter.peopleInPipeline().byCountry()).isEqualTo(memberBefore.peopleInPipeline().byCountry());
        assertThat(memberAfter.countries()).isEqualTo(memberBefore.countries());
        assertThat(memberAfter.peopleInPipeline().total()).isEqualTo(memberBefore.peopleInPipeline().total() + 2);
        WorkingGroupResponse coordinatorAfter = workingGroup();
        assertThat(coordinatorAfter.peopleInPipeline().byCountry().getOrDefault("TM", 0L))
                .isEqualTo(coordinatorBefore.peopleInPipeline().byCountry().getOrDefault("TM", 0L) + 2);
    }

    @Test
    void theSameEventDeliveredTwiceIsCountedOnce() {
        String person = person();
        EventEnvelope registration = registered(person, "TJ");
        EventEnvelope invitation = invited(person);

        publish(registration);
        publish(registration);
        // same key, so it is consumed after both copies of the registration
        publish(invitation);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(member(person)).isNotNull()
                .extracting(MemberDocument::status).isEqualTo("INVITED"));
        assertThat(member(person).appliedEvents()).containsExactly(registration.id(), invitation.id());
        assertThat(workingGroup().peopleInPipeline().byCountry()).containsEntry("TJ", 1L);
    }

    @Test
    void anInvitationThatArrivesBeforeTheRegistrationStands() {
        String person = person();

        publish(invited(person));
        publish(registered(person, "TM"));

        await().atMost(PATIENCE).untilAsserted(
                () -> assertThat(workingGroup().peopleInPipeline().byCountry()).containsEntry("TM", 1L));
        assertThat(member(person).status()).isEqualTo("INVITED");
    }

    @Test
    void aMalformedRecordIsParkedTheNextEventStillAppliesAndARedriveParksItAgain() {
        String person = person();
        String garbage = "{\"this is\": \"not an event envelope\"";
        ProducerRecord<String, String> malformed = new ProducerRecord<>(Topics.MEMBERSHIP_EVENTS, person, garbage);
        malformed.headers().add("ce_correlationid", "corr-malformed".getBytes(StandardCharsets.UTF_8));
        send(malformed);
        // same key, same partition: only applied if the consumer moved past the malformed record
        publish(registered(person, "UZ"));

        await().atMost(PATIENCE).untilAsserted(
                () -> assertThat(workingGroup().peopleInPipeline().byCountry()).containsEntry("UZ", 1L));
        List<ConsumerRecord<String, String>> parked = TopicReader.readAtLeast(bootstrap, DEAD_LETTERS, 1, PATIENCE);
        assertThat(parked).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(person);
            assertThat(record.value()).isEqualTo(garbage);
        });

        JsonNode listed = json(http.get().uri("/admin/dead-letters").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(listed.isArray()).as(listed.toString()).isTrue();
        assertThat(listed.size()).as(listed.toString()).isEqualTo(1);
        assertThat(listed.get(0).get("key").asString()).isEqualTo(person);
        assertThat(listed.get(0).get("originalTopic").asString()).isEqualTo(Topics.MEMBERSHIP_EVENTS);
        assertThat(listed.get(0).get("reason").asString()).contains("not an event envelope");

        JsonNode redrive = json(http.post().uri("/admin/dead-letters/redrive").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(redrive.get("redriven").asInt()).isEqualTo(1);

        // back on membership.events.v1, still malformed, so parked once more
        List<ConsumerRecord<String, String>> parkedAgain = TopicReader.readAtLeast(bootstrap, DEAD_LETTERS, 2,
                PATIENCE);
        assertThat(parkedAgain).hasSize(2).allSatisfy(record -> assertThat(record.value()).isEqualTo(garbage));
        assertThat(new String(parkedAgain.get(1).headers().lastHeader("ce_correlationid").value(),
                StandardCharsets.UTF_8)).isEqualTo("corr-malformed");
        assertThat(workingGroup().peopleInPipeline().byCountry()).containsEntry("UZ", 1L);
    }

    /** The only test here that publishes target decisions, so it sees the empty state first. */
    @Test
    void targetInstitutionsFollowTheLatestDecisionOnceEachAndNotAnOlderOneArrivingLate() {
        http.get().uri("/api/research/target-institutions").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.institutionIds").isArray().jsonPath("$.institutionIds.length()").isEqualTo(0)
                .jsonPath("$.decidedAt").value(v -> assertThat(v).isNull())
                .jsonPath("$.meetingId").value(v -> assertThat(v).isNull())
                .jsonPath("$.decisionId").value(v -> assertThat(v).isNull());

        String meeting = "meeting-" + UUID.randomUUID();
        Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope decided = decision(meeting, "d-1", List.of("world-bank", "ebrd"), decidedAt);
        publish(decided);
        publish(decided);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(targets().get("decisionId").asString())
                .isEqualTo("d-1"));
        JsonNode first = targets();
        assertThat(first.get("institutionIds").toString()).isEqualTo("[\"world-bank\",\"ebrd\"]");
        assertThat(first.get("meetingId").asString()).isEqualTo(meeting);
        assertThat(Instant.parse(first.get("decidedAt").asString())).isEqualTo(decidedAt);

        // same key (meeting), so consumed in this order: an older decision, then a newer one
        publish(decision(meeting, "d-0", List.of("imf"), decidedAt.minusSeconds(3600)));
        publish(decision(meeting, "d-2", List.of("fatf"), decidedAt.plusSeconds(60)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(targets().get("decisionId").asString())
                .isEqualTo("d-2"));
        assertThat(targets().get("institutionIds").toString()).isEqualTo("[\"fatf\"]");
        // and an older one arriving after the newest changes nothing
        String marker = person();
        publish(decision(meeting, "d-old", List.of("oecd"), decidedAt.minusSeconds(60)));
        publish(EventEnvelope.of("/membership-service", meeting,
                new PersonRegistered(marker, "KG", "ky", Instant.now().truncatedTo(ChronoUnit.MILLIS)), "corr-marker"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(member(marker)).isNotNull());
        assertThat(targets().get("decisionId").asString()).isEqualTo("d-2");
    }

    private JsonNode targets() {
        return json(http.get().uri("/api/research/target-institutions").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private static EventEnvelope decision(String meetingId, String decisionId, List<String> institutions,
            Instant decidedAt) {
        return EventEnvelope.of("/membership-service", meetingId,
                new TargetInstitutionsDecided(meetingId, decisionId, institutions, decidedAt), "corr-" + decisionId);
    }

    @Test
    void readinessIsUpAndIncludesTheMongoPing() {
        JsonNode readiness = json(http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/components/mongoPing/status").asString()).isEqualTo("UP");
    }

    @Test
    void theWorkingGroupAnswerCarriesTheCallersCorrelationId() {
        http.get().uri("/api/research/working-group").header("X-Correlation-Id", "corr-123").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "corr-123")
                .expectBody().jsonPath("$.peopleInPipeline.total").isNumber()
                .jsonPath("$.experts").doesNotExist();
    }

    private WorkingGroupResponse workingGroup() {
        return http.get().uri("/api/research/working-group").exchange()
                .expectStatus().isOk().expectBody(WorkingGroupResponse.class).returnResult().getResponseBody();
    }

    /** An expert who is not a coordinator. */
    private static final String MEMBER = org.civictaskforce.platform.security.TestTokens.bearer("member-" + UUID.randomUUID(),
            org.civictaskforce.platform.security.Role.EXPERT, org.civictaskforce.platform.security.Role.MEMBER);

    private WorkingGroupResponse workingGroup(String authorization) {
        return http.get().uri("/api/research/working-group").header("Authorization", authorization).exchange()
                .expectStatus().isOk().expectBody(WorkingGroupResponse.class).returnResult().getResponseBody();
    }

    private int assign(String expertId) {
        return http.post().uri("/api/research/assignments").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("""
                        {"expertId":"%s","country":"KZ","institutionId":"wb","strand":"STANDARDS_AND_RULES","dueDate":"%s"}
                        """.formatted(expertId, java.time.LocalDate.now().plusDays(20)))
                .exchange().returnResult(String.class).getStatus().value();
    }

    @Test
    void onlyActiveExpertsAreAssignedAndTheReadModelFollowsMembershipOnce() {
        String person = person();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(registered(person, "KZ"));
        publish(invited(person));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(member(person)).isNotNull()
                .extracting(MemberDocument::status).isEqualTo("INVITED"));
        assertThat(assign(person)).as("invited, not active").isEqualTo(422);

        EventEnvelope activated = envelope(person, new MemberActivated(person, "KZ", List.of("MEMBER"), now));
        publish(activated);
        publish(activated);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(member(person).membership()).isEqualTo("ACTIVE"));
        assertThat(assign(person)).as("active, but not an expert").isEqualTo(422);

        publish(envelope(person, new PersonProfileUpdated(person, List.of("MEMBER", "EXPERT"), List.of("ru"),
                List.of(), false, now)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(member(person).roles()).contains("expert"));
        assertThat(assign(person)).as("active expert").isEqualTo(201);
        assertThat(member(person).appliedEvents()).containsOnlyOnce(activated.id());

        publish(envelope(person, new MemberLeft(person, now.plusSeconds(60))));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(member(person).membership()).isEqualTo("LEFT"));
        assertThat(member(person).roles()).isEmpty();
        assertThat(assign(person)).as("left").isEqualTo(422);

        String removed = person();
        publish(envelope(removed, new MemberActivated(removed, "KZ", List.of("EXPERT"), now)));
        publish(envelope(removed, new MemberRemoved(removed, now.plusSeconds(60))));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(member(removed)).isNotNull()
                .extracting(MemberDocument::membership).isEqualTo("REMOVED"));
        assertThat(assign(removed)).as("removed").isEqualTo(422);
    }

    private MemberDocument member(String personId) {
        return mongo.findById(personId, MemberDocument.class);
    }

    private static String person() {
        return "person-" + UUID.randomUUID();
    }

    private static EventEnvelope registered(String personId, String country) {
        return envelope(personId, new PersonRegistered(personId, country, "ru",
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    private static EventEnvelope invited(String personId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return envelope(personId, new MemberInvited(personId, UUID.randomUUID().toString(), now,
                now.plus(14, ChronoUnit.DAYS)));
    }

    private static EventEnvelope envelope(String personId, Object event) {
        return EventEnvelope.of("/membership-service", personId, event, "corr-" + UUID.randomUUID());
    }

    /** Publishes as membership-service's relay does: key = aggregate id, CloudEvents headers. */
    private void publish(EventEnvelope envelope) {
        TestEvents.publish(kafka, Topics.MEMBERSHIP_EVENTS, envelope);
    }

    private void send(ProducerRecord<String, String> record) {
        TestEvents.send(kafka, record);
    }

    private static JsonNode json(String body) {
        return EventJson.MAPPER.readTree(body);
    }

}
