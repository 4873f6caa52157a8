package org.civictaskforce.research.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.civictaskforce.platform.messaging.IdempotentProjection;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.research.domain.PipelineStatus;
import org.civictaskforce.research.domain.PipelineTally;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The read model against the MongoDB-wire-compatible store, without Spring or Kafka. */
class MongoMemberReadModelIT {
    private static final Instant REGISTERED = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant INVITED = Instant.parse("2025-03-02T10:00:00Z");

    private static MongoClient client;
    private static MongoTemplate mongo;
    private MongoMemberReadModel readModel;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MongoTestServer.uri("research-read-model"));
        mongo = new MongoTemplate(client, "research-read-model");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyCollection() {
        mongo.dropCollection(MemberDocument.COLLECTION);
        readModel = new MongoMemberReadModel(mongo, new IdempotentProjection(mongo));
    }

    @Test
    void aRegistrationMakesACandidateAndAnInvitationAnInvitedMember() {
        assertThat(readModel.recordRegistration("e-1", "p-1", "KZ", "ru", REGISTERED)).isTrue();
        assertThat(status("p-1")).isEqualTo("CANDIDATE");

        assertThat(readModel.recordInvitation("e-2", "p-1", INVITED)).isTrue();

        MemberDocument member = mongo.findById("p-1", MemberDocument.class);
        assertThat(member.status()).isEqualTo("INVITED");
        assertThat(member.country()).isEqualTo("KZ");
        assertThat(member.preferredLanguage()).isEqualTo("ru");
        assertThat(member.registeredAt()).isEqualTo(REGISTERED);
        assertThat(member.invitedAt()).isEqualTo(INVITED);
    }

    @Test
    void anErasedPersonIsForgottenAndForgettingAgainChangesNothing() {
        readModel.recordRegistration("e-1", "p-1", "KZ", "ru", REGISTERED);
        readModel.recordInvitation("e-2", "p-1", INVITED);
        readModel.recordRegistration("e-3", "p-2", "KG", "ky", REGISTERED);

        assertThat(readModel.forget("p-1")).isTrue();
        assertThat(readModel.forget("p-1")).isFalse();

        assertThat(mongo.findById("p-1", MemberDocument.class)).isNull();
        assertThat(mongo.findById("p-2", MemberDocument.class)).isNotNull();
        assertThat(mongo.getCollection(MemberDocument.COLLECTION).find().into(new java.util.ArrayList<>()).toString())
                .doesNotContain("p-1");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        readModel.recordRegistration("e-1", "p-1", "KZ", "ru", REGISTERED);
        readModel.recordInvitation("e-2", "p-1", INVITED);

        boolean again = readModel.recordRegistration("e-1", "p-1", "KG", "ky", INVITED);

        assertThat(again).isFalse();
        MemberDocument member = mongo.findById("p-1", MemberDocument.class);
        assertThat(member.country()).isEqualTo("KZ");
        assertThat(member.appliedEvents()).containsExactly("e-1", "e-2");
        assertThat(mongo.getCollection(MemberDocument.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void anInvitationForAPersonNotSeenYetIsKeptAndTheLaterRegistrationDoesNotUndoIt() {
        assertThat(readModel.recordInvitation("e-2", "p-2", INVITED)).isTrue();
        assertThat(readModel.tallies()).containsExactly(new PipelineTally(null, PipelineStatus.INVITED, 1));

        assertThat(readModel.recordRegistration("e-1", "p-2", "TJ", "tg", REGISTERED)).isTrue();

        MemberDocument member = mongo.findById("p-2", MemberDocument.class);
        assertThat(member.status()).isEqualTo("INVITED");
        assertThat(member.country()).isEqualTo("TJ");
        assertThat(member.invitedAt()).isEqualTo(INVITED);
    }

    @Test
    void talliesPeopleByCountryAndStatus() {
        readModel.recordRegistration("e-1", "p-1", "KZ", "ru", REGISTERED);
        readModel.recordRegistration("e-2", "p-2", "KZ", "kk", REGISTERED);
        readModel.recordRegistration("e-3", "p-3", "KG", "ky", REGISTERED);
        readModel.recordInvitation("e-4", "p-2", INVITED);

        assertThat(readModel.tallies()).containsExactlyInAnyOrder(
                new PipelineTally("KZ", PipelineStatus.CANDIDATE, 1),
                new PipelineTally("KZ", PipelineStatus.INVITED, 1),
                new PipelineTally("KG", PipelineStatus.CANDIDATE, 1));
    }

    private static String status(String personId) {
        return mongo.findById(personId, MemberDocument.class).status();
    }
}
