package org.civictaskforce.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.PersonContact;
import org.civictaskforce.contracts.membership.PersonProfileCorrected;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.membership.Api;
import org.civictaskforce.membership.persistence.PersonDocument;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.TopicReader;
import org.civictaskforce.platform.testing.ServiceTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET/PATCH /api/membership/people/me}: the signed-in person's own record and their corrections,
 * over HTTP against a real broker and the wire-compatible store — validation as at registration, the
 * event that names fields only, the new contact on the compacted contacts topic, protection, erasure.
 */
@ServiceTest
class MyProfileApiIT {
    private static final String PEOPLE = "/api/membership/people";
    private static final String ME = PEOPLE + "/me";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    MongoTemplate mongo;

    Api coordinator;

    @BeforeEach
    void client() {
        coordinator = new Api(port);
    }

    private String register(String name, String email) {
        return coordinator.expect(201, coordinator.post(PEOPLE, Api.person(name, email, "KG", "ky", "Asia/Bishkek")))
                .json().get("id").asString();
    }

    private static String email() {
        return "me-" + UUID.randomUUID() + "@example.org";
    }

    @Test
    void theSignedInPersonSeesTheirOwnFullRecordAndNoOneElses() {
        String email = email();
        String id = register("Aibek", email);
        coordinator.expect(201, coordinator.post(PEOPLE + "/" + id + "/invitations", null));
        register("Someone Else", email());

        // invited, signed in without a role: their own record all the same
        JsonNode me = coordinator.as(TestTokens.person(id)).expect(200, coordinator.as(TestTokens.person(id)).get(ME))
                .json();
        assertThat(me.get("id").asString()).isEqualTo(id);
        assertThat(me.get("displayName").asString()).isEqualTo("Aibek");
        assertThat(me.get("fullName").asString()).isEqualTo("Aibek Example");
        assertThat(me.get("email").asString()).isEqualTo(email);
        assertThat(me.get("preferredLanguage").asString()).isEqualTo("ky");
        assertThat(me.get("timeZone").asString()).isEqualTo("Asia/Bishkek");
        assertThat(me.get("country").asString()).isEqualTo("KG");
        assertThat(me.get("status").asString()).isEqualTo("INVITED");
        assertThat(me.get("invitation").get("expiresAt").isMissingNode()).isFalse();
        assertThat(me.toString()).doesNotContain("Someone Else");

        // the same view GET /people/{id} gives them
        assertThat(coordinator.as(TestTokens.person(id)).get(PEOPLE + "/" + id).json()).isEqualTo(me);

        Api.Response nobody = coordinator.get(ME);
        assertThat(nobody.status()).as("the coordinator account is no person").isEqualTo(404);
        assertThat(nobody.header("Content-Type")).startsWith("application/problem+json");
        assertThat(coordinator.as(null).get(ME).status()).isEqualTo(401);
    }

    @Test
    void aCorrectionChangesTheRecordAnnouncesTheFieldsAndPublishesTheNewContact() {
        String oldEmail = email();
        String id = register("Aibek", oldEmail);
        Api self = coordinator.as(TestTokens.bearer(id, Role.EXPERT));
        String newEmail = "new-" + UUID.randomUUID() + "@example.net";

        JsonNode corrected = self.expect(200, self.patch(ME, """
                {"displayName":"Aibek K.","fullName":"Aibek Kasymov","email":"%s","preferredLanguage":"RU",
                 "timeZone":"Asia/Tashkent","languages":["ky","ru","en"]}""".formatted(newEmail))).json();

        assertThat(corrected.get("displayName").asString()).isEqualTo("Aibek K.");
        assertThat(corrected.get("fullName").asString()).isEqualTo("Aibek Kasymov");
        assertThat(corrected.get("email").asString()).isEqualTo(newEmail);
        assertThat(corrected.get("preferredLanguage").asString()).isEqualTo("ru");
        assertThat(corrected.get("timeZone").asString()).isEqualTo("Asia/Tashkent");
        assertThat(corrected.get("languages").toString()).isEqualTo("[\"ky\",\"ru\",\"en\"]");
        assertThat(self.get(ME).json()).isEqualTo(corrected);
        assertThat(coordinator.get(PEOPLE + "/" + id).json().get("email").asString()).isEqualTo(newEmail);

        // the events topic: registration, then the correction naming the fields and the languages' profile change
        List<ConsumerRecord<String, String>> events = ofKey(TopicReader.read(bootstrap, Topics.MEMBERSHIP_EVENTS,
                read -> ofKey(read, id).size() >= 3, WAIT), id);
        assertThat(events).hasSize(3);
        for (ConsumerRecord<String, String> record : events) {
            assertThat(EventSchemas.violations(record.value())).as(record.value()).isEmpty();
            assertThat(record.value()).doesNotContain(oldEmail, newEmail, "Aibek", "Kasymov", "example",
                    "Asia/Tashkent", "Asia/Bishkek");
        }
        EventEnvelope correction = EventJson.readEnvelope(events.get(1).value());
        assertThat(correction.dataAs(PersonProfileCorrected.class).corrected()).containsExactly("displayName",
                "fullName", "email", "preferredLanguage", "timeZone");
        assertThat(correction.dataAs(PersonProfileCorrected.class).preferredLanguage()).isEqualTo("ru");
        assertThat(EventJson.readEnvelope(events.get(2).value()).dataAs(PersonProfileUpdated.class).languages())
                .containsExactly("ky", "ru", "en");

        // the contacts topic: the newest record for the person is the corrected contact
        List<ConsumerRecord<String, String>> contacts = ofKey(TopicReader.read(bootstrap, Topics.MEMBERSHIP_CONTACTS,
                read -> ofKey(read, id).stream().anyMatch(r -> r.value() != null && r.value().contains(newEmail)),
                WAIT), id);
        ConsumerRecord<String, String> latest = contacts.get(contacts.size() - 1);
        assertThat(EventSchemas.violations("/schemas/membership.contact.v1.json", latest.value())).isEmpty();
        assertThat(EventJson.MAPPER.readValue(latest.value(), PersonContact.class))
                .isEqualTo(new PersonContact(id, "Aibek K.", newEmail, "ru", "Asia/Tashkent"));
        assertThat(awaitSettled(id).getOutbox()).isEmpty();

        // the old address is free again, the new one taken
        register("Reuses Old", oldEmail);
        assertThat(coordinator.post(PEOPLE, Api.person("Takes New", newEmail.toUpperCase(), "KZ", "kk",
                "Asia/Almaty")).status()).isEqualTo(409);
    }

    @Test
    void leftOutFieldsStayAndAnEmptyCorrectionChangesNothing() {
        String email = email();
        String id = register("Dinara", email);
        Api self = coordinator.as(TestTokens.person(id));
        awaitSettled(id);

        JsonNode unchanged = self.expect(200, self.patch(ME, "{}")).json();
        assertThat(unchanged.get("displayName").asString()).isEqualTo("Dinara");
        // settled before the next change, so a contact record written by the empty correction could not be
        // replaced unsent by the next one: it would be on the topic between the two below
        awaitSettled(id);
        JsonNode zoneOnly = self.expect(200, self.patch(ME, "{\"timeZone\":\"Asia/Almaty\",\"fullName\":\"\"}"))
                .json();
        assertThat(zoneOnly.get("timeZone").asString()).isEqualTo("Asia/Almaty");
        assertThat(zoneOnly.has("fullName")).as("a blank full name removes it").isFalse();
        assertThat(zoneOnly.get("email").asString()).isEqualTo(email);
        assertThat(zoneOnly.get("displayName").asString()).isEqualTo("Dinara");
        assertThat(zoneOnly.get("preferredLanguage").asString()).isEqualTo("ky");
        List<ConsumerRecord<String, String>> contacts = ofKey(TopicReader.read(bootstrap, Topics.MEMBERSHIP_CONTACTS,
                read -> ofKey(read, id).stream().anyMatch(r -> r.value().contains("Asia/Almaty")), WAIT), id);
        assertThat(contacts).as("the empty correction wrote no contact").extracting(
                r -> EventJson.MAPPER.readValue(r.value(), PersonContact.class).timeZone())
                .containsExactly("Asia/Bishkek", "Asia/Almaty");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"timeZone\":\"+05:00\"}",
            "{\"timeZone\":\"Mars/Olympus\"}",
            "{\"preferredLanguage\":\"de\"}",
            "{\"preferredLanguage\":\"xx\"}",
            "{\"email\":\"not-an-email\"}",
            "{\"email\":\"   \"}",
            "{\"displayName\":\"\"}",
            "{\"displayName\":\"   \"}",
            "{\"languages\":[\"xx\"]}",
            "{\"displayName\":\"OVERLONG\"}" })
    void aBadValueIsA422ProblemAndNothingIsStored(String body) {
        String email = email();
        String id = register("Nargiza", email);
        Api self = coordinator.as(TestTokens.person(id));

        Api.Response refused = self.patch(ME, body.replace("OVERLONG", "x".repeat(101)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain(email);
        JsonNode me = self.get(ME).json();
        assertThat(me.get("displayName").asString()).isEqualTo("Nargiza");
        assertThat(me.get("timeZone").asString()).isEqualTo("Asia/Bishkek");
        assertThat(me.get("preferredLanguage").asString()).isEqualTo("ky");
        assertThat(me.get("email").asString()).isEqualTo(email);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "{\"country\":\"KZ\"}", "{\"roles\":[\"COORDINATOR\"]}", "{\"status\":\"ACTIVE\"}",
            "{\"protectedIdentity\":false}", "{\"displayName\":{\"$gt\":\"\"}}", "[]" })
    void whatACorrectionDoesNotTakeIsA400(String body) {
        String id = register("Farrukh", email());
        Api.Response refused = coordinator.as(TestTokens.person(id)).patch(ME, body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(coordinator.get(PEOPLE + "/" + id).json().get("country").asString()).isEqualTo("KG");
    }

    @Test
    void anotherPersonsEmailIsA409AndChangesNothing() {
        String taken = email();
        register("First", taken);
        String mine = email();
        String id = register("Second", mine);
        Api self = coordinator.as(TestTokens.person(id));

        Api.Response refused = self.patch(ME, "{\"email\":\"" + taken.toUpperCase() + "\",\"displayName\":\"Changed\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).doesNotContain(taken).doesNotContain(taken.toUpperCase());
        assertThat(self.get(ME).json().get("email").asString()).isEqualTo(mine);
        assertThat(self.get(ME).json().get("displayName").asString()).isEqualTo("Second");
    }

    @Test
    void aProtectedPersonStaysProtectedAfterACorrection() {
        String id = register("Hidden", email());
        coordinator.expect(200, coordinator.put(PEOPLE + "/" + id + "/profile",
                "{\"roles\":[\"EXPERT\"],\"languages\":[\"ky\"],\"expertise\":[\"fatf\"],\"protectedIdentity\":true}"));
        Api self = coordinator.as(TestTokens.bearer(id, Role.EXPERT));
        JsonNode corrected = self.expect(200, self.patch(ME,
                "{\"displayName\":\"Hidden Two\",\"languages\":[\"ru\"]}")).json();
        assertThat(corrected.get("protectedIdentity").asBoolean()).isTrue();
        assertThat(corrected.get("expertise").toString()).contains("fatf");
        assertThat(corrected.get("roles").toString()).contains("EXPERT");

        String other = register("Looking", email());
        JsonNode seen = coordinator.as(TestTokens.bearer(other, Role.MEMBER)).get(PEOPLE + "/" + id).json();
        assertThat(seen.get("displayName").asString()).isEqualTo("Hidden Two");
        assertThat(seen.get("protectedIdentity").asBoolean()).isTrue();
        assertThat(seen.has("country")).isFalse();
        assertThat(seen.has("languages")).isFalse();
        assertThat(seen.has("email")).isFalse();
    }

    @Test
    void erasureAfterACorrectionStillRemovesEverything() {
        String id = register("Temporary", email());
        Api self = coordinator.as(TestTokens.person(id));
        String newEmail = email();
        self.expect(200, self.patch(ME, "{\"email\":\"" + newEmail + "\",\"fullName\":\"Temporary Full\"}"));
        self.expect(202, self.post(PEOPLE + "/" + id + "/erasure", null));

        PersonDocument stored = awaitSettled(id);
        assertThat(stored.getEmail()).isNull();
        assertThat(stored.getFullName()).isNull();
        assertThat(stored.getDisplayName()).isNull();
        assertThat(stored.getTimeZone()).isNull();
        // refused either way: by the domain (409) or, once the erasure's revocation arrived, at the token (401)
        assertThat(self.patch(ME, "{\"timeZone\":\"Asia/Almaty\"}").status()).isIn(401, 409);
        List<ConsumerRecord<String, String>> contacts = ofKey(TopicReader.read(bootstrap, Topics.MEMBERSHIP_CONTACTS,
                read -> ofKey(read, id).stream().anyMatch(r -> r.value() == null), WAIT), id);
        assertThat(contacts.get(contacts.size() - 1).value()).isNull();
        register("Reuses", newEmail);
    }

    /** The document once its outbox (events and contact record) is published. */
    private PersonDocument awaitSettled(String personId) {
        return Awaitility.await().atMost(WAIT).until(() -> mongo.findById(personId, PersonDocument.class),
                d -> d != null && d.getOutbox().isEmpty() && d.getOutboxLease() == null);
    }

    private static List<ConsumerRecord<String, String>> ofKey(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }
}
