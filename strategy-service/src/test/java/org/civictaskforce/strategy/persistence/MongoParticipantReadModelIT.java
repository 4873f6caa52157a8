package org.civictaskforce.strategy.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.civictaskforce.platform.messaging.IdempotentProjection;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.strategy.domain.CountryTally;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The read model against the MongoDB-wire-compatible store, without Spring or Kafka. */
class MongoParticipantReadModelIT {
    private static final Instant REGISTERED = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant INVITED = Instant.parse("2025-03-02T10:00:00Z");

    private static MongoClient client;
    private static MongoTemplate mongo;
    private MongoParticipantReadModel readModel;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MongoTestServer.uri("strategy-read-model"));
        mongo = new MongoTemplate(client, "strategy-read-model");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyCollection() {
        mongo.dropCollection(ParticipantDocument.COLLECTION);
        readModel = new MongoParticipantReadModel(mongo, new IdempotentProjection(mongo));
    }

    @Test
    void aRegistrationMakesACandidateAndAnInvitationAnInvitedParticipant() {
        assertThat(readModel.recordRegistration("e-1", "p-1", "KZ", "ru", REGISTERED)).isTrue();
        assertThat(mongo.findById("p-1", ParticipantDocument.class).status()).isEqualTo("CANDIDATE");

        assertThat(readModel.recordInvitation("e-2", "p-1", INVITED)).isTrue();

        ParticipantDocument participant = mongo.findById("p-1", ParticipantDocument.class);
        assertThat(participant.status()).isEqualTo("INVITED");
        assertThat(participant.country()).isEqualTo("KZ");
        assertThat(participant.registeredAt()).isEqualTo(REGISTERED);
        assertThat(participant.invitedAt()).isEqualTo(INVITED);
    }

    @Test
    void anErasedPersonIsForgottenAndForgettingAgainChangesNothing() {
        readModel.recordRegistration("e-1", "p-1", "KZ", "ru", REGISTERED);
        readModel.recordInvitation("e-2", "p-1", INVITED);
        readModel.recordRegistration("e-3", "p-2", "KG", "ky", REGISTERED);

        assertThat(readModel.forget("p-1")).isTrue();
        assertThat(readModel.forget("p-1")).isFalse();

        assertThat(mongo.findById("p-1", ParticipantDocument.class)).isNull();
        assertThat(mongo.findById("p-2", ParticipantDocument.class)).isNotNull();
        assertThat(mongo.getCollection(ParticipantDocument.COLLECTION).find().into(new java.util.ArrayList<>()).toString())
                .doesNotContain("p-1");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        readModel.recordRegistration("e-1", "p-1", "KZ", "ru", REGISTERED);
        readModel.recordInvitation("e-2", "p-1", INVITED);

        assertThat(readModel.recordInvitation("e-2", "p-1", REGISTERED)).isFalse();
        assertThat(readModel.recordRegistration("e-1", "p-1", "KG", "ky", INVITED)).isFalse();

        ParticipantDocument participant = mongo.findById("p-1", ParticipantDocument.class);
        assertThat(participant.country()).isEqualTo("KZ");
        assertThat(participant.invitedAt()).isEqualTo(INVITED);
        assertThat(participant.appliedEvents()).containsExactly("e-1", "e-2");
    }

    @Test
    void anInvitationForAPersonNotSeenYetIsKeptAndTheLaterRegistrationDoesNotUndoIt() {
        readModel.recordInvitation("e-2", "p-2", INVITED);
        assertThat(readModel.tallies()).containsExactly(new CountryTally(null, 1));

        readModel.recordRegistration("e-1", "p-2", "TJ", "tg", REGISTERED);

        ParticipantDocument participant = mongo.findById("p-2", ParticipantDocument.class);
        assertThat(participant.status()).isEqualTo("INVITED");
        assertThat(participant.country()).isEqualTo("TJ");
        assertThat(readModel.tallies()).containsExactly(new CountryTally("TJ", 1));
    }

    @Test
    void talliesParticipantsByCountry() {
        readModel.recordRegistration("e-1", "p-1", "KZ", "ru", REGISTERED);
        readModel.recordRegistration("e-2", "p-2", "KZ", "kk", REGISTERED);
        readModel.recordRegistration("e-3", "p-3", "KG", "ky", REGISTERED);
        readModel.recordInvitation("e-4", "p-2", INVITED);

        assertThat(readModel.tallies()).containsExactlyInAnyOrder(new CountryTally("KZ", 2), new CountryTally("KG", 1));
    }
}
