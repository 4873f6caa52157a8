package org.civictaskforce.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civictaskforce.identity.IdentityTestSupport.call;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.MemberActivated;
import org.civictaskforce.contracts.membership.MemberLeft;
import org.civictaskforce.contracts.membership.MemberRemoved;
import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.identity.AuthorizationCodeFlow.Tokens;
import org.civictaskforce.identity.membership.PersonRoles;
import org.civictaskforce.platform.messaging.IdempotentProjection;
import org.civictaskforce.platform.testing.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.model.Filters;

/**
 * Roles follow membership: membership events, published onto a real broker as membership-service publishes
 * them, change what a fresh token carries; a duplicate is applied once; erasure removes the account.
 */
class RolesFollowMembershipIT extends IdentityIntegrationTestBase {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SOURCE = "/membership-service";

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void activationGivesRolesRemovalTakesThemAndErasureRemovesTheAccount() {
        String coordinator = coordinatorToken();
        String personId = UUID.randomUUID().toString();
        String username = "member." + personId.substring(0, 8);
        Tokens invited = enrolAndSignIn(coordinator, personId, username);
        assertThat(roles(invited)).as("only invited: signs in, no roles").isEmpty();

        EventEnvelope activated = publish(personId, new MemberActivated(personId, "KZ", List.of("EXPERT", "TRANSLATOR"),
                Instant.now()));
        awaitApplied(personId, activated);
        Tokens member = flow.signIn(username, "correct horse battery");
        assertThat(roles(member)).containsExactly("expert", "translator");

        EventEnvelope profile = publish(personId, new PersonProfileUpdated(personId, List.of("COORDINATOR", "EXPERT"),
                List.of("ru"), List.of("mining"), false, Instant.now()));
        awaitApplied(personId, profile);
        Tokens refreshed = AuthorizationCodeFlow.tokens(flow.refresh(member.refreshToken()));
        assertThat(roles(refreshed)).as("a refreshed token carries the current roles").containsExactly("coordinator",
                "expert");

        EventEnvelope removed = publish(personId, new MemberRemoved(personId, Instant.now()));
        awaitApplied(personId, removed);
        assertThat(roles(flow.signIn(username, "correct horse battery"))).isEmpty();

        // the activation delivered again (e.g. after a re-drive) changes nothing: it was applied before
        TestEvents.publish(kafka, Topics.MEMBERSHIP_EVENTS, activated);
        EventEnvelope marker = publish(personId, new MemberLeft(personId, Instant.now()));
        awaitApplied(personId, marker);
        Document projection = projection(personId);
        assertThat(projection.getBoolean("active")).isFalse();
        assertThat(projection.getList(IdempotentProjection.APPLIED_EVENTS, String.class))
                .containsSubsequence(activated.id(), profile.id(), removed.id(), marker.id())
                .containsOnlyOnce(activated.id());
        assertThat(roles(flow.signIn(username, "correct horse battery"))).isEmpty();

        // erasure: roles, account, a pending enrolment link and every stored authorization go; sign-in fails
        // afterwards
        issue(coordinator, personId);
        assertThat(authorizationsHolding(personId)).as("their sign-ins are stored").isPositive();
        publish(personId, new PersonErased(personId, Instant.now()));
        await().atMost(WAIT).until(() -> mongo.getCollection("accounts").countDocuments(
                Filters.eq("personId", personId)) == 0);
        await().atMost(WAIT).until(() -> authorizationsHolding(personId) == 0);
        assertThat(projection(personId)).isNull();
        assertThat(mongo.getCollection("enrolments").countDocuments(Filters.eq("_id", personId))).isZero();
        assertThat(flow.authorize(username, "correct horse battery").succeeded()).isFalse();
        // and no new enrolment link for an erased person
        assertThat(call("POST", base + "/api/identity/enrolments", coordinator, "{\"personId\":\"" + personId
                + "\"}").statusCode()).isEqualTo(404);
        // what is left of the person: ids in the audit trail only
        for (String collection : List.of("accounts", PersonRoles.COLLECTION, "enrolments", "signing_keys")) {
            for (Document d : mongo.getCollection(collection).find()) {
                assertThat(d.toJson()).as(collection).doesNotContain(personId).doesNotContain(username);
            }
        }
    }

    /** Stored authorizations that name the person: as principal, or anywhere in the serialized tokens. */
    private long authorizationsHolding(String personId) {
        byte[] id = personId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long count = 0;
        for (Document d : mongo.getCollection("authorizations").find()) {
            byte[] data = d.get("data", org.bson.types.Binary.class).getData();
            if (personId.equals(d.getString("principal")) || contains(data, id)) {
                count++;
            }
        }
        return count;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void anActivatedMemberWhoEnrolsLaterGetsTheirRolesAtOnce() {
        String personId = UUID.randomUUID().toString();
        EventEnvelope activated = publish(personId, new MemberActivated(personId, "UZ", List.of("MEMBER", "OBSERVER"),
                Instant.now()));
        awaitApplied(personId, activated);
        Tokens tokens = enrolAndSignIn(coordinatorToken(), personId, "late." + personId.substring(0, 8));
        assertThat(roles(tokens)).containsExactly("member", "observer");
    }

    private EventEnvelope publish(String personId, Object event) {
        EventEnvelope envelope = EventEnvelope.of(SOURCE, personId, event, UUID.randomUUID().toString());
        TestEvents.publish(kafka, Topics.MEMBERSHIP_EVENTS, envelope);
        return envelope;
    }

    private void awaitApplied(String personId, EventEnvelope envelope) {
        await().atMost(WAIT).until(() -> {
            Document d = projection(personId);
            return d != null && d.getList(IdempotentProjection.APPLIED_EVENTS, String.class).contains(envelope.id());
        });
    }

    private Document projection(String personId) {
        return mongo.getCollection(PersonRoles.COLLECTION).find(Filters.eq("_id", personId)).first();
    }
}
