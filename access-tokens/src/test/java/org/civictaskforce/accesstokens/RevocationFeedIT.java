package org.civictaskforce.accesstokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.MemberRemoved;
import org.civictaskforce.contracts.membership.PersonErased;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** On a real (embedded) broker: a revocation published now is known within a second; a restart re-reads the window. */
class RevocationFeedIT {

    @Test
    void erasureAndRemovalRevokeWithinASecondAndARestartRemembersThem() throws Exception {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, Topics.PARTITIONS, Topics.MEMBERSHIP_EVENTS);
        broker.afterPropertiesSet();
        try (KafkaProducer<String, String> producer = producer(broker.getBrokersAsString())) {
            RevokedSubjects revoked = new RevokedSubjects(Duration.ofMinutes(15), Clock.systemUTC());
            Instant issued = Instant.now().minusSeconds(60);
            try (RevocationFeed feed = new RevocationFeed(broker.getBrokersAsString(), "test", revoked,
                    Clock.systemUTC()).start()) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    // waits until the feed is assigned and reading: a marker event is seen
                    send(producer, "marker", new MemberRemoved("marker", Instant.now()));
                    assertThat(revoked.isRevoked("marker", Instant.now().minusSeconds(5))).isTrue();
                });

                send(producer, "erased-1", new PersonErased("erased-1", Instant.now()));
                send(producer, "removed-1", new MemberRemoved("removed-1", Instant.now()));
                await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                    assertThat(revoked.isRevoked("erased-1", issued)).isTrue();
                    assertThat(revoked.isRevoked("removed-1", issued)).isTrue();
                });
                assertThat(revoked.isRevoked("someone-else", issued)).isFalse();
                assertThat(revoked.isRevoked("removed-1", Instant.now().plusSeconds(2))).isFalse();
            }

            RevokedSubjects afterRestart = new RevokedSubjects(Duration.ofMinutes(15), Clock.systemUTC());
            try (RevocationFeed feed = new RevocationFeed(broker.getBrokersAsString(), "test", afterRestart,
                    Clock.systemUTC()).start()) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(afterRestart.isRevoked("erased-1", issued)).isTrue();
                    assertThat(afterRestart.isRevoked("removed-1", issued)).isTrue();
                });
            }
        } finally {
            broker.destroy();
        }
    }

    @Test
    void malformedRecordsAreIgnored() {
        RevokedSubjects revoked = new RevokedSubjects(Duration.ofMinutes(15), Clock.systemUTC());
        RevocationFeed feed = new RevocationFeed("localhost:1", "test", revoked, Clock.systemUTC());
        feed.take("{not json");
        feed.take(null);
        feed.take("{\"id\":\"1\",\"source\":\"s\",\"type\":\"org.civictaskforce.membership.person.erased\","
                + "\"subject\":\"p\",\"time\":\"2026-01-01T00:00:00Z\",\"data\":{\"personId\":[1]}}");
        assertThat(revoked.isRevoked("p", Instant.EPOCH)).isFalse();
    }

    private static void send(KafkaProducer<String, String> producer, String personId, Object event)
            throws Exception {
        EventEnvelope envelope = EventEnvelope.of("membership-service", personId, event, null);
        producer.send(new ProducerRecord<>(Topics.MEMBERSHIP_EVENTS, personId, EventJson.write(envelope))).get();
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}
