package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.civictaskforce.gateway.session.BrowserSessionsConfiguration;
import org.civictaskforce.gateway.session.ExpiredSessionsCleanUp;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Two gateway replicas on one MongoDB-compatible store, as two applications on their own ports: a browser that
 * starts signing in at one and comes back to the other is signed in at both; a replica started later knows it;
 * signing out at one ends it at all. Expired sessions are deleted by the clean-up (the local store ignores TTL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedBrowserSessionsTest {

    static final String DATABASE = "gateway-sessions-" + UUID.randomUUID();

    final RecordingBackend membership = RecordingBackend.start();
    final StubIdentityService identity = StubIdentityService.start();
    ConfigurableApplicationContext first;
    ConfigurableApplicationContext second;
    ConfigurableApplicationContext third;

    @BeforeAll
    void startTwoReplicas() {
        first = replica();
        second = replica();
    }

    @AfterAll
    void stop() {
        for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[] {first, second, third}) {
            if (replica != null) {
                replica.close();
            }
        }
    }

    @BeforeEach
    void reset() {
        WebSignInTest.resetForMemberP7(membership, identity);
    }

    @Test
    void aBrowserSignedInThroughOneReplicaIsSignedInAtEveryReplicaAndSignedOutAtAll() {
        // the sign-in starts at the first replica and the identity service sends the browser back to the second
        EntityExchangeResult<byte[]> start = client(first).get().uri("/oauth2/authorization/civic").exchange()
                .expectStatus().is3xxRedirection().expectBody().returnResult();
        String pending = start.getResponseCookies().getFirst("SESSION").getValue();
        UriComponents authorize = UriComponentsBuilder.fromUri(start.getResponseHeaders().getLocation()).build(true);
        identity.nonce = WebSignInTest.decode(authorize.getQueryParams().getFirst("nonce"));
        EntityExchangeResult<byte[]> back = client(second).get()
                .uri("/login/oauth2/code/civic?code={code}&state={state}", "code-1",
                        WebSignInTest.decode(authorize.getQueryParams().getFirst("state")))
                .cookie("SESSION", pending)
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/")
                .expectBody().returnResult();
        ResponseCookie cookie = back.getResponseCookies().getFirst("SESSION");
        assertThat(cookie).as("a new session id after sign-in").isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        String session = cookie.getValue();
        assertThat(session).isNotEqualTo(pending);

        for (ConfigurableApplicationContext replica : List.of(first, second)) {
            client(replica).get().uri("/auth/me").cookie("SESSION", session).exchange()
                    .expectStatus().isOk()
                    .expectBody().json("{\"signedIn\":true,\"subject\":\"p-7\"}");
            client(replica).get().uri("/api/membership/people").cookie("SESSION", session).exchange()
                    .expectStatus().isOk();
        }
        assertThat(membership.requests()).hasSize(2).allSatisfy(request -> assertThat(
                request.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + identity.accessToken));
        // the pending sign-in's session is gone: it was replaced, not left behind. A request still naming it (sent
        // before the sign-in's answer arrived) leaves the browser's new cookie alone (ReplacedSessionCookies)
        EntityExchangeResult<byte[]> late = client(first).get().uri("/auth/me").cookie("SESSION", pending).exchange()
                .expectStatus().isOk().expectBody().json("{\"signedIn\":false}").returnResult();
        assertThat(late.getResponseCookies().get("SESSION")).isNull();

        // a replica started after the sign-in (a restart, a scale-up) knows the browser too. (Not a stop and a start
        // in this JVM: stopping one application here disposes the Netty event loops all of them share.)
        third = replica();
        client(third).get().uri("/auth/me").cookie("SESSION", session).exchange()
                .expectStatus().isOk().expectBody().json("{\"signedIn\":true,\"subject\":\"p-7\"}");

        // signing out at one replica ends the session at every replica
        ResponseCookie xsrf = client(second).get().uri("/auth/me").cookie("SESSION", session).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(xsrf).isNotNull();
        client(second).post().uri("/logout").cookie("SESSION", session).cookie("XSRF-TOKEN", xsrf.getValue())
                .body(BodyInserters.fromFormData("_csrf", xsrf.getValue()))
                .exchange()
                .expectStatus().is3xxRedirection();
        for (ConfigurableApplicationContext replica : List.of(first, second, third)) {
            client(replica).get().uri("/auth/me").cookie("SESSION", session).exchange()
                    .expectStatus().isOk().expectBody().json("{\"signedIn\":false}");
        }
    }

    @Test
    void theCleanUpDeletesExpiredSessionsAndKeepsLiveOnes() {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        try (MongoClient client = MongoClients.create(MongoTestServer.uri(DATABASE))) {
            ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, DATABASE + "-clean-up");
            String collection = BrowserSessionsConfiguration.COLLECTION;
            Mono.from(mongo.getCollection(collection).flatMap(c -> Mono.from(c.insertMany(List.of(
                    new Document("_id", "ended").append("expireAt", Date.from(now.minusSeconds(1))),
                    new Document("_id", "live").append("expireAt", Date.from(now.plus(Duration.ofHours(8))))))))).block();

            ExpiredSessionsCleanUp cleanUp = new ExpiredSessionsCleanUp(mongo, collection, Clock.fixed(now, ZoneOffset.UTC));

            assertThat(cleanUp.removeExpired().block()).isEqualTo(1);
            assertThat(Flux.from(mongo.getCollection(collection).flatMapMany(c -> c.find()))
                    .map(d -> d.getString("_id")).collectList().block()).containsExactly("live");
            assertThat(cleanUp.removeExpired().block()).isZero();
        }
    }

    private ConfigurableApplicationContext replica() {
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--gateway.sessions.store=mongodb",
                "--spring.mongodb.uri=" + MongoTestServer.uri(DATABASE),
                // only the platform kit's auto-configurations stay excluded (application.properties excludes MongoDB's)
                "--spring.autoconfigure.exclude=org.civictaskforce.platform.PlatformAutoConfiguration,"
                        + "org.civictaskforce.platform.security.PlatformSecurityAutoConfiguration",
                "--MEMBERSHIP_URL=" + membership.url(),
                "--IDENTITY_AUTHORIZATION_URI=http://identity.example/oauth2/authorize",
                "--IDENTITY_END_SESSION_URI=http://identity.example/connect/logout",
                "--IDENTITY_TOKEN_URI=" + identity.url() + "/oauth2/token",
                "--IDENTITY_JWKS_URI=" + identity.url() + "/oauth2/jwks");
    }

    private static WebTestClient client(ConfigurableApplicationContext replica) {
        int port = ((WebServerApplicationContext) replica).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }
}
