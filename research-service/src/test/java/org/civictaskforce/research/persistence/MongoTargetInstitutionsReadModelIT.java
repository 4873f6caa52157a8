package org.civictaskforce.research.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.research.domain.TargetInstitutions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The target-institutions read model against the MongoDB-wire-compatible store: latest decision wins, once. */
class MongoTargetInstitutionsReadModelIT {
    private static final Instant EARLY = Instant.parse("2026-05-12T09:30:00Z");
    private static final Instant LATE = Instant.parse("2026-06-02T09:30:00Z");

    private static MongoClient client;
    private static MongoTemplate mongo;
    private MongoTargetInstitutionsReadModel readModel;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MongoTestServer.uri("research-targets-read-model"));
        mongo = new MongoTemplate(client, "research-targets-read-model");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyCollection() {
        mongo.dropCollection(MongoTargetInstitutionsReadModel.COLLECTION);
        readModel = new MongoTargetInstitutionsReadModel(mongo);
    }

    @Test
    void beforeAnyDecisionThereAreNoTargets() {
        assertThat(readModel.current()).isEqualTo(TargetInstitutions.NONE);
        assertThat(readModel.current().institutionIds()).isEmpty();
    }

    @Test
    void aDecisionIsStoredWithItsMeetingAndDecisionIds() {
        TargetInstitutions decision = new TargetInstitutions(List.of("world-bank", "ebrd"), EARLY, "m-1", "d-1");

        assertThat(readModel.recordIfLater("e-1", decision)).isTrue();

        assertThat(readModel.current()).isEqualTo(decision);
    }

    @Test
    void theSameEventTwiceIsAppliedOnce() {
        TargetInstitutions decision = new TargetInstitutions(List.of("fatf"), EARLY, "m-1", "d-1");

        assertThat(readModel.recordIfLater("e-1", decision)).isTrue();
        assertThat(readModel.recordIfLater("e-1", decision)).isFalse();

        assertThat(readModel.current()).isEqualTo(decision);
        assertThat(mongo.getCollection(MongoTargetInstitutionsReadModel.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void aLaterDecisionReplacesAnEarlierOneAndAnOlderOneArrivingLateDoesNot() {
        TargetInstitutions first = new TargetInstitutions(List.of("world-bank"), EARLY, "m-1", "d-1");
        TargetInstitutions second = new TargetInstitutions(List.of("ebrd", "adb"), LATE, "m-2", "d-2");

        assertThat(readModel.recordIfLater("e-2", second)).isTrue();
        assertThat(readModel.recordIfLater("e-1", first)).isFalse();
        assertThat(readModel.current()).isEqualTo(second);

        mongo.dropCollection(MongoTargetInstitutionsReadModel.COLLECTION);
        assertThat(readModel.recordIfLater("e-1", first)).isTrue();
        assertThat(readModel.recordIfLater("e-2", second)).isTrue();
        assertThat(readModel.current()).isEqualTo(second);
    }
}
