package org.civictaskforce.membership.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.membership.Api;
import org.civictaskforce.membership.MembershipApplication;
import org.civictaskforce.membership.persistence.PersonDocument;
import org.civictaskforce.platform.outbox.OutboxEvent;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Crash proof at service level: the state write happened, the process "died" before its relays ran
 * (they are switched off in the first run), and a restarted service on the same database publishes
 * the pending PersonRegistered exactly once, and the contact record too.
 */
@EmbeddedKafka(partitions = 3)
class OutboxCrashRecoveryIT {
    private static final String PEOPLE = "/api/membership/people";

    @Test
    void aRestartedServicePublishesWhatTheCrashedOneLeftInTheOutboxExactlyOnce(EmbeddedKafkaBroker broker) {
        String bootstrap = broker.getBrokersAsString();
        String mongoUri = MongoTestServer.uri("membership-crash-" + UUID.randomUUID());
        String personId;

        try (ConfigurableApplicationContext crashed = start(bootstrap, mongoUri, false)) {
            Api api = new Api(port(crashed));
            Api.Response registered = api.post(PEOPLE,
                    Api.person("Crash", "crash-" + UUID.randomUUID() + "@example.org", "KG", "ky", "Asia/Bishkek"));
            assertThat(registered.status()).isEqualTo(201);
            personId = registered.json().get("id").asString();

            PersonDocument stored = crashed.getBean(MongoTemplate.class).findById(personId, PersonDocument.class);
            assertThat(stored.getOutbox()).as("the event, then the contact record")
                    .extracting(OutboxEvent::isEvent).containsExactly(true, false);
        }
        String id = personId;
        assertThat(ofPerson(TopicReader.read(bootstrap, Topics.MEMBERSHIP_EVENTS, r -> false, Duration.ofSeconds(5)),
                id)).as("nothing published while the relay was down").isEmpty();

        try (ConfigurableApplicationContext restarted = start(bootstrap, mongoUri, true)) {
            MongoTemplate mongo = restarted.getBean(MongoTemplate.class);
            awaitOutboxEmpty(mongo, id);

            // the relay acknowledged before removing, so everything it sent is already in the log
            List<ConsumerRecord<String, String>> events = ofPerson(TopicReader.read(bootstrap,
                    Topics.MEMBERSHIP_EVENTS, r -> false, Duration.ofSeconds(5)), id);
            assertThat(events).hasSize(1);
            assertThat(EventSchemas.violations(events.get(0).value())).isEmpty();
            assertThat(EventJson.readEnvelope(events.get(0).value()).type())
                    .isEqualTo(EventTypes.typeOf(PersonRegistered.class));

            List<ConsumerRecord<String, String>> contacts = ofPerson(TopicReader.read(bootstrap,
                    Topics.MEMBERSHIP_CONTACTS, r -> !ofPerson(r, id).isEmpty(), Duration.ofSeconds(30)), id);
            assertThat(contacts).isNotEmpty();
            assertThat(EventSchemas.violations("/schemas/membership.contact.v1.json", contacts.get(0).value()))
                    .isEmpty();
        }
    }

    private static ConfigurableApplicationContext start(String bootstrap, String mongoUri, boolean relays) {
        // command-line arguments win over any system property another test class may have left behind
        return new SpringApplicationBuilder(MembershipApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.mongodb.uri=" + mongoUri,
                "--platform.outbox.enabled=" + relays);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static void awaitOutboxEmpty(MongoTemplate mongo, String personId) {
        await("the restarted relay publishes the outbox").atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(personId, PersonDocument.class),
                        document -> document != null && document.getOutbox().isEmpty());
    }

    private static List<ConsumerRecord<String, String>> ofPerson(List<ConsumerRecord<String, String>> records,
            String personId) {
        return records.stream().filter(r -> personId.equals(r.key())).toList();
    }
}
