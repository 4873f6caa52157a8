package org.civictaskforce.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.MemberRemoved;
import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.platform.outbox.KitTestApplication;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.platform.testing.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * What the outside security test found: an OpenID Connect ID token worked as an access token, tokens
 * were accepted 60 s after expiry, and the tokens of an erased or removed person kept working until they
 * expired. Each is refused now, by the one rule every service uses.
 */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = Topics.PARTITIONS, topics = { "kit-test.events.v1", Topics.MEMBERSHIP_EVENTS },
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource("classpath:kit-test.properties")
class AccessTokenRulesIT {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("kit-tokens-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void anIdTokenIsNotAnAccessToken() {
        assertThat(get(TestTokens.bearer("person-1", Role.MEMBER)).statusCode()).isEqualTo(200);
        HttpResponse<String> idToken = get(TestTokens.idToken("person-1"));
        assertThat(idToken.statusCode()).isEqualTo(401);
        assertThat(idToken.body()).contains("/problems/unauthenticated");
    }

    @Test
    void aTokenExpiredTenSecondsAgoIsRefused() {
        Instant issued = Instant.now().minus(Duration.ofMinutes(5)).minusSeconds(10);
        assertThat(get(TestTokens.bearerIssuedAt(issued, "person-2", Role.MEMBER)).statusCode()).isEqualTo(401);
    }

    @Test
    void anErasedPersonsTokenIsRefusedWithinASecond() throws Exception {
        String token = TestTokens.bearerIssuedAt(Instant.now().minusSeconds(30), "erased-" + UUID.randomUUID(),
                Role.MEMBER);
        String subject = subjectOf(token);
        awaitFeedReading();
        assertThat(get(token).statusCode()).isEqualTo(200);

        publish(subject, new PersonErased(subject, Instant.now()));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> get(token).statusCode() == 401);
    }

    @Test
    void aRemovedMembersEarlierTokenIsRefusedAndTheirNextOneAccepted() throws Exception {
        String subject = "removed-" + UUID.randomUUID();
        String earlier = TestTokens.bearerIssuedAt(Instant.now().minusSeconds(30), subject, Role.EXPERT);
        awaitFeedReading();
        assertThat(get(earlier).statusCode()).isEqualTo(200);

        Instant removedAt = Instant.now();
        publish(subject, new MemberRemoved(subject, removedAt));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> get(earlier).statusCode() == 401);
        String next = TestTokens.bearerIssuedAt(removedAt.plusSeconds(2), subject);
        assertThat(get(next).statusCode()).isEqualTo(200);
    }

    /** The feed starts on its own thread: a marker revocation shows it reads the topic. */
    private void awaitFeedReading() throws Exception {
        String marker = "marker-" + UUID.randomUUID();
        String token = TestTokens.bearerIssuedAt(Instant.now().minusSeconds(30), marker, Role.MEMBER);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            publish(marker, new MemberRemoved(marker, Instant.now()));
            return get(token).statusCode() == 401;
        });
    }

    private void publish(String personId, Object event) {
        TestEvents.publish(kafka, Topics.MEMBERSHIP_EVENTS,
                EventEnvelope.of("membership-service", personId, event, "revocation-" + personId));
    }

    private static String subjectOf(String bearer) throws Exception {
        return com.nimbusds.jwt.SignedJWT.parse(bearer.substring("Bearer ".length())).getJWTClaimsSet().getSubject();
    }

    private HttpResponse<String> get(String authorization) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/kit/whoami"))
                    .header("Authorization", authorization).GET().build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
