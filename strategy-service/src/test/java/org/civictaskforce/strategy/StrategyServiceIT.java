package org.civictaskforce.strategy;

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
import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.platform.testing.TopicReader;
import org.civictaskforce.strategy.persistence.ParticipantDocument;
import org.civictaskforce.strategy.web.ParticipationResponse;
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
 * membership events in, the participation counts out, dead letters parked and re-driven.
 *
 * <p>The tests share one application context, so each uses its own people and countries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3, topics = Topics.MEMBERSHIP_EVENTS,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class StrategyServiceIT {
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.MEMBERSHIP_EVENTS, "strategy-service");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("strategy-it-" + UUID.randomUUID()));
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
        ParticipationResponse before = participation();
        String kz1 = person(), kz2 = person(), kg = person();

        publish(registered(kz1, "KZ"));
        publish(registered(kz2, "KZ"));
        publish(registered(kg, "KG"));
        publish(invited(kz2));

        await().atMost(PATIENCE).untilAsserted(() -> {
            ParticipationResponse now = participation();
            assertThat(now.byCountry()).containsEntry("KZ", 2L).containsEntry("KG", 1L);
            assertThat(participant(kz2).status()).isEqualTo("INVITED");
        });
        ParticipationResponse after = participation();
        assertThat(after.people()).isEqualTo(before.people() + 3);
        assertThat(after.countries()).isEqualTo(before.countries() + 2);
    }

    /**
     * membership's rules for counts (members only) and protected identities (their country only for
     * coordinators): a protected person registering in TM moves the total but not TM for a member; a
     * coordinator sees them under TM; a signed-in person without a role sees no counts.
     */
    @Test
    void aProtectedPersonMovesNoCountryCountForAMemberButDoesForACoordinator() {
        String protectedPerson = person(), flaggedAtRegistration = person();
        ParticipationResponse memberBefore = participation(MEMBER);
        ParticipationResponse coordinatorBefore = participation();

        // an event from before the flag, then the profile that says so
        publish(registered(protectedPerson, "TM"));
        publish(envelope(protectedPerson, new PersonProfileUpdated(protectedPerson, List.of("EXPERT"), List.of(),
                List.of(), true, Instant.now().truncatedTo(ChronoUnit.MILLIS))));
        // the registration itself says so
        publish(envelope(flaggedAtRegistration, new PersonRegistered(flaggedAtRegistration, "TM", "ru",
                Instant.now().truncatedTo(ChronoUnit.MILLIS), true)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(participant(protectedPerson)).isNotNull().extracting(ParticipantDocument::protectedIdentity)
                    .isEqualTo(true);
            assertThat(participant(flaggedAtRegistration)).isNotNull()
                    .extracting(ParticipantDocument::protectedIdentity).isEqualTo(true);
        });

        ParticipationResponse memberAfter = participation(MEMBER);
        assertThat(memberAfter.byCountry()).isEqualTo(memberBefore.byCountry());
        assertThat(memberAfter.countries()).isEqualTo(memberBefore.countries());
        assertThat(memberAfter.people()).isEqualTo(memberBefore.people() + 2);
        assertThat(participation().byCountry().getOrDefault("TM", 0L))
                .isEqualTo(coordinatorBefore.byCountry().getOrDefault("TM", 0L) + 2);
        http.get().uri("/api/strategy/participation")
                .header("Authorization", TestTokens.bearer("no-role-" + UUID.randomUUID())).exchange()
                .expectStatus().isForbidden();
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

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(participant(person)).isNotNull()
                .extracting(ParticipantDocument::status).isEqualTo("INVITED"));
        assertThat(participant(person).appliedEvents()).containsExactly(registration.id(), invitation.id());
        assertThat(participation().byCountry()).containsEntry("TJ", 1L);
    }

    @Test
    void anInvitationThatArrivesBeforeTheRegistrationStands() {
        String person = person();

        publish(invited(person));
        publish(registered(person, "TM"));

        await().atMost(PATIENCE).untilAsserted(
                () -> assertThat(participation().byCountry()).containsEntry("TM", 1L));
        assertThat(participant(person).status()).isEqualTo("INVITED");
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
                () -> assertThat(participation().byCountry()).containsEntry("UZ", 1L));
        List<ConsumerRecord<String, String>> parked = TopicReader.readAtLeast(bootstrap, DEAD_LETTERS, 1, PATIENCE);
        assertThat(parked).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(person);
            assertThat(record.value()).isEqualTo(garbage);
        });

        JsonNode listed = json(http.get().uri("/admin/dead-letters").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(listed.size()).isEqualTo(1);
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
        assertThat(participation().byCountry()).containsEntry("UZ", 1L);
    }

    @Test
    void readinessIsUpAndIncludesTheMongoPing() {
        JsonNode readiness = json(http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/components/mongoPing/status").asString()).isEqualTo("UP");
    }

    @Test
    void theParticipationAnswerCarriesTheCallersCorrelationId() {
        http.get().uri("/api/strategy/participation").header("X-Correlation-Id", "corr-123").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "corr-123")
                .expectBody().jsonPath("$.people").isNumber()
                .jsonPath("$.countries").isNumber()
                .jsonPath("$.byCountry").exists();
    }

    private ParticipationResponse participation() {
        return http.get().uri("/api/strategy/participation").exchange()
                .expectStatus().isOk().expectBody(ParticipationResponse.class).returnResult().getResponseBody();
    }

    /** An expert who is not a coordinator. */
    private static final String MEMBER = TestTokens.bearer("member-" + UUID.randomUUID(), Role.EXPERT, Role.MEMBER);

    private ParticipationResponse participation(String authorization) {
        return http.get().uri("/api/strategy/participation").header("Authorization", authorization).exchange()
                .expectStatus().isOk().expectBody(ParticipationResponse.class).returnResult().getResponseBody();
    }

    private ParticipantDocument participant(String personId) {
        return mongo.findById(personId, ParticipantDocument.class);
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
