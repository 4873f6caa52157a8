package org.civictaskforce.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The outbox's backlog as the gauges report it: documents waiting and the age of the oldest unpublished event. */
class OutboxBacklogTest {
    static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void countsWaitingDocumentsAndTheOldestEventsAgeAndReadsTheStoreAtMostOncePerRefresh() {
        try (MongoClient client = MongoClients.create(MongoTestServer.uri("outbox-backlog"))) {
            MongoTemplate mongo = new MongoTemplate(client, "outbox-backlog-" + UUID.randomUUID());
            AtomicReference<Instant> now = new AtomicReference<>(NOW);
            Clock clock = new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            };
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            new OutboxBacklog(mongo, clock, Duration.ofSeconds(10)).register(meters, List.of("people"));
            System.gc(); // the gauges keep their backlog alive themselves: nothing else here holds it
            var people = mongo.getCollection("people");
            people.insertOne(new Document("_id", "published").append("outbox", List.of()));
            people.insertOne(new Document("_id", "none"));

            assertThat(meters.get("outbox.pending.documents").tag("collection", "people").gauge().value()).isZero();
            assertThat(meters.get("outbox.oldest.pending.age").tag("collection", "people").gauge().value()).isZero();

            people.insertOne(new Document("_id", "a").append("outbox", List.of(
                    new Document("eventId", "e1").append("time", Date.from(NOW.minusSeconds(90))),
                    new Document("eventId", "e2").append("time", Date.from(NOW.minusSeconds(5))))));
            people.insertOne(new Document("_id", "b").append("outbox", List.of(
                    new Document("eventId", "e3").append("time", Date.from(NOW.minusSeconds(30))))));
            // within the refresh interval the last reading stands
            now.set(NOW.plusSeconds(5));
            assertThat(meters.get("outbox.pending.documents").tag("collection", "people").gauge().value()).isZero();

            now.set(NOW.plusSeconds(10));
            assertThat(meters.get("outbox.pending.documents").tag("collection", "people").gauge().value()).isEqualTo(2);
            assertThat(meters.get("outbox.oldest.pending.age").tag("collection", "people").gauge().value())
                    .isEqualTo(100.0);
        }
    }
}
