package org.civictaskforce.membership.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.PersonContact;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.membership.Api;
import org.civictaskforce.membership.ResearchCatalogue;
import org.civictaskforce.membership.domain.NewPerson;
import org.civictaskforce.membership.domain.Person;
import org.civictaskforce.membership.persistence.ContactRecordsMigration;
import org.civictaskforce.membership.persistence.PersonDocument;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.TopicReader;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.IndexOptions;

/**
 * Register and invite through HTTP against a real broker and the wire-compatible store: the domain
 * events leave through the outbox, the contact record through the compacted topic, and no personal
 * data travels in a domain event.
 */
@ServiceTest
class MembershipEventsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PEOPLE = "/api/membership/people";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    MongoTemplate mongo;
    @Autowired
    ContactRecordsMigration migration;
    @Autowired
    org.springframework.kafka.core.KafkaTemplate<String, String> kafka;
    @Autowired
    org.civictaskforce.membership.application.InstitutionReadModel catalogue;

    @Test
    void registerAndInviteFlowToTheEventsTopicWithTheCorrelationIdAndWithoutPersonalData() {
        Api api = new Api(port);
        String correlationId = "journey-" + UUID.randomUUID();
        String email = "gulnara-" + UUID.randomUUID() + "@example.org";

        Api.Response registered = api.post(PEOPLE, Api.person("Gulnara", email, "KZ", "kk", "Asia/Almaty"),
                "X-Correlation-Id", correlationId);
        assertThat(registered.status()).isEqualTo(201);
        String personId = registered.json().get("id").asString();
        assertThat(api.post(PEOPLE + "/" + personId + "/invitations", null, "X-Correlation-Id", correlationId)
                .status()).isEqualTo(201);

        List<ConsumerRecord<String, String>> events = TopicReader.read(bootstrap, Topics.MEMBERSHIP_EVENTS,
                read -> ofPerson(read, personId).size() >= 2, WAIT);
        List<ConsumerRecord<String, String>> mine = ofPerson(events, personId);

        assertThat(mine).hasSize(2);
        for (ConsumerRecord<String, String> record : mine) {
            assertThat(EventSchemas.violations(record.value())).isEmpty();
            EventEnvelope envelope = EventJson.readEnvelope(record.value());
            assertThat(envelope.subject()).isEqualTo(personId);
            assertThat(envelope.correlationid()).isEqualTo(correlationId);
            assertThat(envelope.source()).isEqualTo("/membership-service");
            assertThat(record.value()).doesNotContain(email, "Gulnara", "example.org");
        }
        // one aggregate, one partition: in the order they happened
        assertThat(mine).extracting(r -> EventJson.readEnvelope(r.value()).type()).containsExactly(
                EventTypes.typeOf(PersonRegistered.class), EventTypes.typeOf(MemberInvited.class));
        PersonRegistered personRegistered = EventJson.readEnvelope(mine.get(0).value()).dataAs(PersonRegistered.class);
        assertThat(personRegistered.personId()).isEqualTo(personId);
        assertThat(personRegistered.country()).isEqualTo("KZ");
        assertThat(personRegistered.preferredLanguage()).isEqualTo("kk");
        MemberInvited invited = EventJson.readEnvelope(mine.get(1).value()).dataAs(MemberInvited.class);
        assertThat(Duration.between(invited.invitedAt(), invited.expiresAt())).isEqualTo(Duration.ofDays(14));

        List<ConsumerRecord<String, String>> contacts = TopicReader.read(bootstrap, Topics.MEMBERSHIP_CONTACTS,
                read -> !ofPerson(read, personId).isEmpty(), WAIT);
        ConsumerRecord<String, String> contact = ofPerson(contacts, personId).get(0);
        assertThat(EventSchemas.violations("/schemas/membership.contact.v1.json", contact.value())).isEmpty();
        assertThat(EventJson.MAPPER.readValue(contact.value(), PersonContact.class))
                .isEqualTo(new PersonContact(personId, "Gulnara", email, "kk", "Asia/Almaty"));

        assertThat(ofPerson(contacts, personId)).as("one contact record, from the outbox").hasSize(1);
        assertThat(awaitSettled(personId).getOutbox()).isEmpty();
        assertThat(mongo.getCollection("audit_log").find(new Document("subject", personId))
                .map(d -> d.getString("type"))).as("the events are audited, the contact record is not")
                .isNotEmpty().allMatch(type -> type.startsWith("org.civictaskforce.membership."));
    }

    /**
     * Every lifecycle step raises its event: all schema-valid, in order on the person's partition,
     * and none carries the name or e-mail address.
     */
    @Test
    void everyLifecycleTransitionIsASchemaValidEventWithoutPersonalData() {
        Api api = new Api(port);
        String email = "lifecycle-" + UUID.randomUUID() + "@example.org";
        String body = Api.person("Nargiza", email, "UZ", "uz", "Asia/Tashkent").strip();
        body = body.substring(0, body.length() - 1)
                + ",\"roles\":[\"EXPERT\"],\"languages\":[\"uz\",\"ru\"],\"expertise\":[\"eiti\"]}";
        String personId = api.expect(201, api.post(PEOPLE, body)).json().get("id").asString();
        api.expect(201, api.post(PEOPLE + "/" + personId + "/invitations", null));
        api.expect(200, api.as(TestTokens.person(personId)).post(PEOPLE + "/" + personId + "/invitation/accept", null));
        api.expect(200, api.as(TestTokens.person(personId)).post(PEOPLE + "/" + personId + "/consent",
                "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}"));
        api.expect(200, api.post(PEOPLE + "/" + personId + "/activate", null));
        api.expect(200, api.put(PEOPLE + "/" + personId + "/profile",
                "{\"roles\":[\"EXPERT\",\"COORDINATOR\"],\"languages\":[\"uz\"],\"expertise\":[],\"protectedIdentity\":true}"));
        api.expect(200, api.as(TestTokens.bearer(personId, Role.EXPERT)).post(PEOPLE + "/" + personId + "/leave", null));

        List<String> expected = List.of("person.registered", "person.profile-updated", "member.invited",
                "invitation.accepted", "consent.recorded", "member.activated", "person.profile-updated", "member.left");
        List<ConsumerRecord<String, String>> mine = ofPerson(TopicReader.read(bootstrap, Topics.MEMBERSHIP_EVENTS,
                read -> ofPerson(read, personId).size() >= expected.size(), WAIT), personId);

        assertThat(mine).extracting(r -> EventJson.readEnvelope(r.value()).type())
                .containsExactlyElementsOf(expected.stream().map(t -> "org.civictaskforce.membership." + t).toList());
        for (ConsumerRecord<String, String> record : mine) {
            assertThat(EventSchemas.violations(record.value())).as(record.value()).isEmpty();
            assertThat(record.value()).doesNotContain(email, "Nargiza", "example.org", "Asia/Tashkent");
        }
    }

    /**
     * People stored while a separate contact relay published the topic from fields of their own: at start-up a
     * waiting contact moves into the outbox (here an erased person's: a tombstone) and the old fields leave every
     * document.
     */
    @Test
    void aContactWaitingUnderTheOldBookkeepingIsPublishedFromTheOutbox() {
        String erased = storedBeforeTheUpgrade("Erased", true, 2, 1);
        String published = storedBeforeTheUpgrade("Published", false, 1, 1);
        // as every earlier version created it at its start
        mongo.getCollection(PersonDocument.COLLECTION).createIndex(new Document("contactPending", 1),
                new IndexOptions().name("contact_pending"));

        migration.run();

        List<ConsumerRecord<String, String>> mine = ofPerson(TopicReader.read(bootstrap, Topics.MEMBERSHIP_CONTACTS,
                read -> !ofPerson(read, erased).isEmpty(), WAIT), erased);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).value()).as("the erased person's contact is a tombstone").isNull();
        for (String id : List.of(erased, published)) {
            Document stored = await().atMost(WAIT).until(
                    () -> mongo.getCollection(PersonDocument.COLLECTION).find(new Document("_id", id)).first(),
                    d -> ((List<?>) d.get("outbox")).isEmpty());
            assertThat(stored.keySet()).doesNotContainAnyElementsOf(ContactRecordsMigration.OLD_FIELDS);
        }
        assertThat(mongo.getCollection(PersonDocument.COLLECTION).listIndexes().map(i -> i.getString("name")))
                .doesNotContain("contact_pending");
    }

    /** A person as an earlier version stored them: contact revisions of their own, nothing in the outbox. */
    private String storedBeforeTheUpgrade(String name, boolean erased, long revision, long publishedRevision) {
        Person person = Person.register(new NewPerson(name, null, name + "-" + UUID.randomUUID() + "@example.org",
                "TJ", "tg", "Asia/Dushanbe"), Instant.now()).person();
        Document stored = new Document();
        mongo.getConverter().write(PersonDocument.newFor(person), stored);
        stored.put("version", 0L);
        if (erased) {
            stored.put("erased", true);
            stored.remove("displayName");
            stored.remove("email");
        }
        stored.append("contactRevision", revision).append("contactPublishedRevision", publishedRevision)
                .append("contactPending", revision > publishedRevision);
        mongo.getCollection(PersonDocument.COLLECTION).insertOne(stored);
        return person.id();
    }

    /**
     * A whole meeting, scheduled to start a few seconds from now: every step raises its schema-valid
     * event on the meeting's partition, in order, keyed by the meeting id, and none carries a name,
     * e-mail, the online link, the minutes or a decision's text.
     */
    @Test
    void theWholeMeetingFlowEmitsSchemaValidEventsWithoutPersonalData() throws InterruptedException {
        Api api = new Api(port);
        String email = "meeting-" + UUID.randomUUID() + "@example.org";
        String personId = api.expect(201, api.post(PEOPLE, Api.person("Aibek", email, "KG", "ky", "Asia/Bishkek")))
                .json().get("id").asString();
        String other = api.expect(201, api.post(PEOPLE, Api.person("Dinara", "d-" + email, "KZ", "kk",
                "Asia/Almaty"))).json().get("id").asString();
        String meetings = "/api/membership/meetings";
        Instant start = Instant.now().plusSeconds(6);
        String id = api.expect(201, api.post(meetings, """
                {"title":"Choosing targets","purpose":"Secret purpose","kind":"EXPERT_MEETING","agenda":["Secret item"],
                 "startsAt":"%s","timeZone":"Asia/Bishkek","durationMinutes":60,"onlineLink":"https://meet.example.org/SecretRoom"}
                """.formatted(start))).json().get("id").asString();
        api.expect(200, api.post(meetings + "/" + id + "/reschedule", "{\"startsAt\":\"" + start.plusSeconds(1) + "\"}"));
        api.expect(200, api.post(meetings + "/" + id + "/invitations",
                "{\"personIds\":[\"" + personId + "\",\"" + other + "\"]}"));
        api.expect(200, api.as(TestTokens.bearer(personId, Role.EXPERT)).post(meetings + "/" + id + "/rsvp", "{\"response\":\"YES\"}"));
        await("the meeting has begun").atMost(WAIT).until(() -> Instant.now().isAfter(start.plusSeconds(2)));
        api.expect(200, api.post(meetings + "/" + id + "/attendance", "{\"attendeeIds\":[\"" + personId + "\"]}"));
        api.expect(200, api.put(meetings + "/" + id + "/minutes", "{\"text\":\"Secret minutes\"}"));
        ResearchCatalogue.announce(kafka, catalogue, "wb", "ebrd");
        api.expect(201, api.post(meetings + "/" + id + "/decisions",
                "{\"kind\":\"TARGET_INSTITUTIONS\",\"institutionIds\":[\"wb\",\"ebrd\"]}"));
        api.expect(201, api.post(meetings + "/" + id + "/decisions", "{\"kind\":\"GENERAL\",\"text\":\"Secret decision\"}"));

        List<String> expected = List.of("scheduled", "rescheduled", "invitation-sent", "invitation-sent",
                "rsvp-recorded", "attendance-recorded", "minutes-recorded", "decision-recorded",
                "target-institutions-decided", "decision-recorded");
        List<ConsumerRecord<String, String>> mine = ofPerson(TopicReader.read(bootstrap, Topics.MEMBERSHIP_EVENTS,
                read -> ofPerson(read, id).size() >= expected.size(), WAIT), id);

        assertThat(mine).extracting(r -> EventJson.readEnvelope(r.value()).type()).containsExactlyElementsOf(
                expected.stream().map(t -> "org.civictaskforce.membership.meeting." + t).toList());
        for (ConsumerRecord<String, String> record : mine) {
            assertThat(EventSchemas.violations(record.value())).as(record.value()).isEmpty();
            assertThat(record.value()).doesNotContain(email, "Aibek", "Dinara", "example.org", "Secret");
        }
        org.civictaskforce.contracts.membership.TargetInstitutionsDecided decided = mine.stream()
                .map(r -> EventJson.readEnvelope(r.value()))
                .filter(e -> e.is(org.civictaskforce.contracts.membership.TargetInstitutionsDecided.class)).findFirst()
                .orElseThrow().dataAs(org.civictaskforce.contracts.membership.TargetInstitutionsDecided.class);
        assertThat(decided.meetingId()).isEqualTo(id);
        assertThat(decided.institutionIds()).containsExactly("wb", "ebrd");
    }

    private PersonDocument awaitSettled(String personId) {
        return await().atMost(WAIT).until(() -> mongo.findById(personId, PersonDocument.class),
                document -> document != null && document.getOutbox().isEmpty() && document.getOutboxLease() == null);
    }

    static List<ConsumerRecord<String, String>> ofPerson(List<ConsumerRecord<String, String>> records,
            String personId) {
        return records.stream().filter(r -> personId.equals(r.key())).toList();
    }
}
