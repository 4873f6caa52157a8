package org.civictaskforce.platform.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The lease protocol on the wire-compatible store: one holder at a time, a lapsed lease taken over, a lost one felt. */
class LeaseIT {
    private static final String WORK = "work";
    private static final Lease LEASE = new Lease("job.lease");
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration LENGTH = Duration.ofSeconds(30);

    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void store() {
        client = MongoClients.create(MongoTestServer.uri("lease"));
        mongo = new MongoTemplate(client, "lease-" + UUID.randomUUID());
        mongo.insert(new Document("_id", "a").append("pending", true).append("tries", 0), WORK);
        mongo.insert(new Document("_id", "b").append("pending", false).append("tries", 0), WORK);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void oneHolderAtATimeAndTheClaimChangesWhatItSays() {
        Document first = claim("first", NOW);
        assertThat(first.getString("_id")).isEqualTo("a");
        assertThat(first.getInteger("tries")).isEqualTo(1);
        Document lease = first.get("job", Document.class).get("lease", Document.class);
        assertThat(lease.getString("owner")).isEqualTo("first");
        assertThat(lease.getDate("until").toInstant()).isEqualTo(NOW.plus(LENGTH));

        assertThat(claim("second", NOW.plusSeconds(29))).as("held, and 'b' is not work").isNull();
    }

    @Test
    void aLapsedLeaseIsTakenOverAndTheFirstHolderCanNoLongerCompleteIt() {
        claim("first", NOW);
        Document taken = claim("second", NOW.plus(LENGTH).plusMillis(1));
        assertThat(taken.getInteger("tries")).isEqualTo(2);

        assertThat(LEASE.complete(mongo, "a", "first", new Update().set("pending", false), WORK))
                .as("the first holder lost the lease: its result is not recorded").isFalse();
        assertThat(stored().getBoolean("pending")).isTrue();

        assertThat(LEASE.complete(mongo, "a", "second", new Update().set("pending", false), WORK)).isTrue();
        assertThat(stored().getBoolean("pending")).isFalse();
        assertThat(stored().get("job", Document.class)).as("the lease is gone with the completion").doesNotContainKey("lease");
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceButOnlyItsHolderReleasesIt() {
        claim("first", NOW);
        LEASE.release(mongo, "a", "someone-else", new Update(), WORK);
        assertThat(claim("second", NOW.plusSeconds(1))).as("still held").isNull();

        LEASE.release(mongo, "a", "first", new Update().inc("released", 1), WORK);
        assertThat(stored().getInteger("released")).isEqualTo(1);
        assertThat(claim("second", NOW.plusSeconds(1))).as("free before the lease would have lapsed").isNotNull();
    }

    private Document claim(String owner, Instant now) {
        return LEASE.claim(mongo, where("pending").is(true), new Update().inc("tries", 1), owner, now, LENGTH,
                Document.class, WORK);
    }

    private Document stored() {
        return mongo.findById("a", Document.class, WORK);
    }
}
