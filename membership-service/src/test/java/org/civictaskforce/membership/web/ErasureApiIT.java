package org.civictaskforce.membership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.membership.Api;
import org.civictaskforce.membership.persistence.MeetingDocument;
import org.civictaskforce.membership.persistence.PersonDocument;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.OffsetClock;
import org.civictaskforce.platform.testing.TopicReader;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Erasure over HTTP: the person becomes an anonymous tombstone (e-mail free again), meetings keep
 * their counts without naming them, progress counts them no more as an active expert, exactly one
 * {@code PersonErased} goes out however often erasure is asked, and the contact becomes a tombstone.
 */
@ServiceTest
class ErasureApiIT {
    private static final String MEETINGS = "/api/membership/meetings";
    private static final String PEOPLE = "/api/membership/people";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestConfiguration
    static class Clocks {
        @Bean
        OffsetClock clock() {
            return new OffsetClock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    OffsetClock clock;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void anErasedPersonLeavesOnlyAnAnonymousTombstoneAndCountsStayRight() {
        Api api = new Api(port);
        String email = "dana-" + UUID.randomUUID() + "@example.org";
        String dana = activeExpert(api, "Dana Erasable", email);
        String other = activeExpert(api, "Other Person", "o-" + UUID.randomUUID() + "@example.org");
        String meeting = api.expect(201, api.post(MEETINGS, """
                {"title":"Targets","kind":"DISCUSSION","startsAt":"%s","timeZone":"Asia/Bishkek","durationMinutes":60}
                """.formatted(clock.instant().plus(Duration.ofDays(1))))).json().get("id").asString();
        api.expect(200, api.post(MEETINGS + "/" + meeting + "/invitations",
                "{\"personIds\":[\"" + dana + "\",\"" + other + "\"]}"));
        api.expect(200, api.as(TestTokens.bearer(dana, Role.EXPERT)).post(MEETINGS + "/" + meeting + "/rsvp", "{\"personId\":\"" + dana + "\",\"response\":\"YES\"}"));
        api.expect(200, api.as(TestTokens.bearer(other, Role.EXPERT)).post(MEETINGS + "/" + meeting + "/rsvp", "{\"personId\":\"" + other + "\",\"response\":\"NO\"}"));
        clock.advance(Duration.ofDays(1).plusMinutes(5));
        JsonNode held = api.expect(200, api.post(MEETINGS + "/" + meeting + "/attendance",
                "{\"attendeeIds\":[\"" + dana + "\",\"" + other + "\"]}")).json();
        long expertsBefore = api.get("/api/membership/progress").json().get("experts").get("total").asLong();

        JsonNode erased = api.expect(202, api.as(TestTokens.person(dana)).post(PEOPLE + "/" + dana + "/erasure", null,
                "X-Correlation-Id", "erase-" + dana)).json();
        assertThat(erased.get("personId").asString()).isEqualTo(dana);
        assertThat(erased.get("status").asString()).isEqualTo("ERASED");
        JsonNode again = api.expect(202, api.post(PEOPLE + "/" + dana + "/erasure", null)).json();
        assertThat(again.toString()).as("a repeat answers the same").isEqualTo(erased.toString());
        assertThat(api.post(PEOPLE + "/" + UUID.randomUUID() + "/erasure", null).status()).isEqualTo(404);

        JsonNode tombstone = api.expect(200, api.get(PEOPLE + "/" + dana)).json();
        assertThat(tombstone.get("status").asString()).isEqualTo("ERASED");
        assertThat(tombstone.toString()).doesNotContain("Dana", "Erasable", email, "KG", "Asia/Bishkek");
        assertThat(api.post(PEOPLE + "/" + dana + "/invitations", null).status()).isEqualTo(409);
        // the e-mail is free again
        api.expect(201, api.post(PEOPLE, Api.person("Dana Again", email, "KG", "ru", "Asia/Bishkek")));

        // meetings keep the counts but no longer name her
        JsonNode read = api.expect(200, api.get(MEETINGS + "/" + meeting)).json();
        assertThat(read.toString()).doesNotContain(dana);
        assertThat(read.get("invitees")).hasSize(2);
        assertThat(read.get("invitations").get("yes").asInt()).isEqualTo(1);
        assertThat(read.get("invitations").get("no").asInt()).isEqualTo(1);
        assertThat(read.get("attendance").get("attendeeIds")).hasSize(2);
        assertThat(read.get("attendance").get("countries").toString())
                .isEqualTo(held.get("attendance").get("countries").toString());
        assertThat(api.get("/api/membership/progress").json().get("experts").get("total").asLong())
                .isEqualTo(expertsBefore - 1);

        // exactly one PersonErased, schema-valid; the contact is a tombstone
        List<ConsumerRecord<String, String>> events = TopicReader.read(bootstrap, Topics.MEMBERSHIP_EVENTS,
                r -> r.stream().anyMatch(e -> dana.equals(e.key()) && e.value().contains("person.erased")), WAIT);
        List<ConsumerRecord<String, String>> erasures = events.stream()
                .filter(e -> dana.equals(e.key()) && e.value().contains("person.erased")).toList();
        assertThat(erasures).hasSize(1);
        assertThat(EventSchemas.violations(erasures.get(0).value())).isEmpty();
        assertThat(erasures.get(0).value()).doesNotContain(email, "Dana");
        List<ConsumerRecord<String, String>> contacts = TopicReader.read(bootstrap, Topics.MEMBERSHIP_CONTACTS,
                r -> r.stream().anyMatch(c -> dana.equals(c.key()) && c.value() == null), WAIT);
        List<ConsumerRecord<String, String>> mine = contacts.stream().filter(c -> dana.equals(c.key())).toList();
        assertThat(mine.get(mine.size() - 1).value()).isNull();

        // nothing readable left in the stored documents once the outboxes are published
        Document person = awaitEmptyOutbox(PersonDocument.COLLECTION, dana);

        // the audit trail (appended before the outbox empties): who erased, from which request;
        // every change of hers, ids only
        JsonNode audit = api.expect(200, api.get("/admin/audit?subject=" + dana
                + "&type=org.civictaskforce.membership.person.erased")).json();
        assertThat(audit.get("content")).hasSize(1);
        assertThat(audit.get("content").get(0).get("actor").asString()).isEqualTo(dana);
        assertThat(audit.get("content").get(0).get("correlationId").asString()).isEqualTo("erase-" + dana);
        JsonNode history = api.expect(200, api.get("/admin/audit?subject=" + dana + "&size=100")).json();
        assertThat(history.get("content").get(0).get("type").asString())
                .isEqualTo("org.civictaskforce.membership.person.erased");
        assertThat(history.get("content").toString()).contains("org.civictaskforce.membership.person.registered",
                "org.civictaskforce.membership.member.activated", "\"actor\":\"" + TestTokens.COORDINATOR_ID + "\"")
                .doesNotContain(email, "Dana");

        assertThat(person.toJson()).doesNotContain("Dana", "Erasable", email, "KG", "Asia/Bishkek", "EXPERT");
        Document meetingDocument = awaitEmptyOutbox(MeetingDocument.COLLECTION, meeting);
        assertThat(meetingDocument.toJson()).doesNotContain(dana);
    }

    private String activeExpert(Api api, String name, String email) {
        String body = Api.person(name, email, "KG", "ru", "Asia/Bishkek").strip();
        body = body.substring(0, body.length() - 1) + ",\"roles\":[\"EXPERT\"]}";
        String id = api.expect(201, api.post(PEOPLE, body)).json().get("id").asString();
        api.expect(201, api.post(PEOPLE + "/" + id + "/invitations", null));
        api.expect(200, api.as(TestTokens.person(id)).post(PEOPLE + "/" + id + "/invitation/accept", null));
        api.expect(200, api.as(TestTokens.person(id)).post(PEOPLE + "/" + id + "/consent",
                "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}"));
        api.expect(200, api.post(PEOPLE + "/" + id + "/activate", null));
        return id;
    }

    private Document awaitEmptyOutbox(String collection, String id) {
        return await().atMost(WAIT).until(() -> mongo.getCollection(collection).find(new Document("_id", id)).first(),
                document -> document != null && document.getList("outbox", Object.class, List.of()).isEmpty());
    }
}
