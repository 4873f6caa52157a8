package org.civictaskforce.identity.authorizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/**
 * The local store has no TTL index, so stored authorizations (tokens, session ids, remote addresses) would
 * stay for ever: the clean-up removes those whose tokens have all expired and keeps the rest; erasure
 * removes a subject's at once.
 */
class AuthorizationsCleanUpTest {
    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void expiredAuthorizationsGoLiveOnesStayAndASubjectsGoOnErasure() {
        try (MongoClient client = MongoClients.create(MongoTestServer.uri("identity-clean-up"))) {
            MongoTemplate mongo = new MongoTemplate(client, "identity-clean-up-" + UUID.randomUUID());
            MongoAuthorizationService authorizations = new MongoAuthorizationService(mongo,
                    Clock.fixed(NOW, ZoneOffset.UTC));
            var collection = mongo.getCollection(MongoAuthorizationService.COLLECTION);
            collection.insertOne(new Document("_id", "expired").append("principal", "p-1")
                    .append("expiresAt", Date.from(NOW.minusSeconds(1))));
            collection.insertOne(new Document("_id", "live").append("principal", "p-1")
                    .append("expiresAt", Date.from(NOW.plusSeconds(8 * 3600))));
            collection.insertOne(new Document("_id", "other").append("principal", "p-2")
                    .append("expiresAt", Date.from(NOW.plusSeconds(60))));

            assertThat(authorizations.removeExpired()).isEqualTo(1);
            assertThat(collection.countDocuments(Filters.eq("_id", "expired"))).isZero();
            assertThat(collection.countDocuments()).isEqualTo(2);

            assertThat(authorizations.removeAllOf("p-1", null)).isEqualTo(1);
            assertThat(collection.find().map(d -> d.getString("_id")).into(new java.util.ArrayList<>()))
                    .containsExactly("other");
        }
    }
}
