package org.civictaskforce.identity;

import static org.civictaskforce.identity.IdentityTestSupport.BOOTSTRAP_PASSWORD;
import static org.civictaskforce.identity.IdentityTestSupport.BOOTSTRAP_USER;
import static org.civictaskforce.identity.IdentityTestSupport.CLIENT_ID;
import static org.civictaskforce.identity.IdentityTestSupport.REDIRECT;
import static org.civictaskforce.identity.IdentityTestSupport.SECRET;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civictaskforce.identity.IdentityTestSupport.call;
import static org.civictaskforce.identity.IdentityTestSupport.json;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import org.civictaskforce.contracts.Topics;
import org.civictaskforce.identity.AuthorizationCodeFlow.Tokens;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.platform.testing.OffsetClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * One running identity-service for the integration tests (one Spring context, shared): a real embedded
 * Kafka broker, the MongoDB-wire-compatible store, the bootstrap coordinator, a movable clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "identity.gateway.client-secret=" + SECRET,
        "identity.bootstrap.username=" + BOOTSTRAP_USER,
        "identity.bootstrap.password=" + BOOTSTRAP_PASSWORD,
        "identity.second-factor.encryption-key=" + IdentityTestSupport.SECOND_FACTOR_KEY,
        "spring.cloud.stream.default.consumer.max-attempts=2",
        "spring.cloud.stream.default.consumer.back-off-initial-interval=100" })
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = Topics.MEMBERSHIP_EVENTS)
@Import(IdentityTestSupport.Clocks.class)
abstract class IdentityIntegrationTestBase {
    static final String DATABASE = "identity-it";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri(DATABASE));
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OffsetClock clock;

    String base;
    AuthorizationCodeFlow flow;

    @BeforeEach
    void setUpFlow() {
        base = "http://localhost:" + port;
        flow = new AuthorizationCodeFlow(base, CLIENT_ID, SECRET, REDIRECT);
    }

    @Autowired
    org.springframework.kafka.core.KafkaTemplate<String, String> events;

    /**
     * Membership registers the person (as membership-service publishes it), and this service has seen it:
     * only then does it issue enrolment links for them.
     */
    void registered(String personId) {
        if (mongo.getCollection(org.civictaskforce.identity.membership.PersonRoles.COLLECTION)
                .countDocuments(com.mongodb.client.model.Filters.eq("_id", personId)) > 0) {
            return;
        }
        org.civictaskforce.platform.testing.TestEvents.publish(events, Topics.MEMBERSHIP_EVENTS,
                org.civictaskforce.contracts.EventEnvelope.of("membership-service", personId,
                        new org.civictaskforce.contracts.membership.PersonRegistered(personId, "KZ", "ru",
                                java.time.Instant.now()), "test-registration-" + personId));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> mongo.getCollection(
                org.civictaskforce.identity.membership.PersonRoles.COLLECTION)
                .countDocuments(com.mongodb.client.model.Filters.eq("_id", personId)) > 0);
    }

    JsonNode issue(String coordinator, String personId) {
        registered(personId);
        HttpResponse<String> issued = call("POST", base + "/api/identity/enrolments", coordinator,
                "{\"personId\":\"" + personId + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return json(issued);
    }

    static String tokenOf(JsonNode link) {
        return AuthorizationCodeFlow.query(URI.create(link.get("enrolmentUrl").asString())).get("token");
    }

    /** Enrols the person with the password "correct horse battery" (JSON path) and signs them in. */
    Tokens enrolAndSignIn(String coordinator, String personId, String username) {
        String token = tokenOf(issue(coordinator, personId));
        HttpResponse<String> created = call("POST", base + "/enrol", null, "{\"token\":\"" + token
                + "\",\"username\":\"" + username + "\",\"password\":\"correct horse battery\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("sub").asString()).isEqualTo(personId);
        return flow.signIn(username, "correct horse battery");
    }

    static List<String> roles(Tokens tokens) {
        return AuthorizationCodeFlow.claims(tokens.accessToken()).get("roles").valueStream().map(JsonNode::asString)
                .toList();
    }

    String coordinatorToken() {
        return flow.signIn(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD).accessToken();
    }
}
