package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.civictaskforce.accesstokens.RevokedSubjects;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** {@code /api/**} needs a valid access token at the edge; the services get the header unchanged. */
class EdgeAuthenticationTest extends GatewayIntegrationTest {

    static Stream<Arguments> invalidTokens() {
        return Stream.of(
                Arguments.of("expired", TestTokens.expired("p-1", Role.MEMBER)),
                Arguments.of("forged", "Bearer " + forged()),
                Arguments.of("foreign issuer", "Bearer " + TestTokens.token("p-1", "http://other-issuer",
                        Duration.ofMinutes(5), List.of("coordinator"))),
                Arguments.of("not a JWT", "Bearer not-a-token"),
                // the OpenID Connect ID token: same key, issuer and subject, but no access token
                Arguments.of("ID token", TestTokens.idToken("p-1")),
                Arguments.of("expired 10 s ago", TestTokens.bearerIssuedAt(
                        Instant.now().minus(Duration.ofMinutes(5)).minusSeconds(10), "p-1", Role.MEMBER)),
                // issued before its subject was erased or removed (see revokedSubjects below)
                Arguments.of("subject revoked since", TestTokens.bearerIssuedAt(Instant.now().minusSeconds(60),
                        REVOKED, Role.MEMBER)));
    }

    static final String REVOKED = "p-erased";

    @Autowired
    RevokedSubjects revokedSubjects;

    @BeforeEach
    void revokeOne() {
        revokedSubjects.revoke(REVOKED, Instant.now().minusSeconds(30));
    }

    @Test
    void noTokenGetsUnauthenticatedProblemAndTheServiceIsNotCalled() {
        anonymous().get().uri("/api/membership/people").header("X-Correlation-Id", "no-token-1").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/unauthenticated")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.correlationId").isEqualTo("no-token-1");

        assertThat(requestsToAllServices()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void anInvalidTokenGetsUnauthenticatedProblemAndTheServiceIsNotCalled(String kind, String authorization) {
        anonymous().get().uri("/api/research/findings").header(HttpHeaders.AUTHORIZATION, authorization).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/unauthenticated");

        assertThat(requestsToAllServices()).isZero();
    }

    @Test
    void aValidTokenReachesTheServiceUnchanged() {
        String token = TestTokens.bearer("p-3", Role.EXPERT);

        anonymous().post().uri("/api/research/findings").header(HttpHeaders.AUTHORIZATION, token)
                .header(HttpHeaders.COOKIE, "SESSION=not-for-services; other=x")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"summary\":\"x\"}")
                .exchange()
                // a bearer request needs no CSRF token: there is no cookie for a forged request to ride on
                .expectStatus().isOk();

        assertThat(research.requests()).singleElement().satisfies(request -> {
            assertThat(request.headers().get(HttpHeaders.AUTHORIZATION)).containsExactly(token);
            // the browser's cookies stay at the gateway
            assertThat(request.header(HttpHeaders.COOKIE)).isNull();
        });
    }

    @Test
    void publicGetPathsReachTheServiceWithoutAToken() {
        anonymous().get().uri("/api/strategy/guide/editions/e-1").exchange().expectStatus().isOk();
        // the analytical note is the working group's, not public
        anonymous().get().uri("/api/research/note/versions/2").exchange().expectStatus().isUnauthorized();

        assertThat(strategy.requestsTo("/api/strategy/guide/editions/e-1")).singleElement()
                .satisfies(request -> assertThat(request.header(HttpHeaders.AUTHORIZATION)).isNull());
        assertThat(research.requestsTo("/api/research/note/versions/2")).isEmpty();
    }

    @Test
    void writesToPublicPathsAndOtherPathsOfTheSameServiceStillNeedAToken() {
        anonymous().post().uri("/api/strategy/guide/editions/e-1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/unauthenticated");
        anonymous().get().uri("/api/strategy/guide/sections").exchange().expectStatus().isUnauthorized();

        assertThat(requestsToAllServices()).isZero();
    }

    @Test
    void thingsOutsideTheApiStayOpen() {
        anonymous().get().uri("/").exchange().expectStatus().isOk();
        anonymous().get().uri("/manifest.webmanifest").exchange().expectStatus().isOk();
        anonymous().get().uri("/sw.js").exchange().expectStatus().isOk();
        anonymous().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        anonymous().get().uri("/auth/me").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
                .expectBody().json("{\"signedIn\":false}", true);
        // no generated login page: sign-in starts at /oauth2/authorization/civic
        anonymous().get().uri("/login").exchange().expectStatus().isNotFound();
    }

    @Test
    void meWithABearerTokenNamesTheSubjectAndRolesOnly() {
        anonymous().get().uri("/auth/me").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("p-5", Role.MEMBER,
                Role.TRANSLATOR)).exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"signedIn\":true,\"subject\":\"p-5\",\"roles\":[\"member\",\"translator\"]}",
                        true);
    }

    /** Signed by a key that is not the identity service's. */
    private static String forged() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            RSAPrivateKey key = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").type(new com.nimbusds.jose.JOSEObjectType("at+jwt")).build(),
                    new JWTClaimsSet.Builder().subject("p-1").issuer(TestTokens.ISSUER).issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plusSeconds(300))).claim("roles", List.of("coordinator"))
                            .build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (NoSuchAlgorithmException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
