package org.civictaskforce.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.platform.outbox.KitTestApplication;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;

/**
 * Every service is a resource server: without a valid token from our issuer a request is refused
 * with a 401 problem, whatever headers it carries; roles come from the token; the actor the audit
 * trail records is the token's subject and cannot be chosen by a header.
 */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = "kit-test.events.v1", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource("classpath:kit-test.properties")
class ResourceServerIT {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("kit-security-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;

    @Test
    void aValidTokenNamesTheCallerAndTheirRolesAndTheActor() {
        HttpResponse<String> response = get("/kit/whoami", TestTokens.bearer("person-42", Role.EXPERT, Role.MEMBER),
                "X-Actor-Id", "someone-else");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = EventJson.MAPPER.readTree(response.body());
        assertThat(body.get("subject").asString()).isEqualTo("person-42");
        assertThat(body.get("roles").toString()).isEqualTo("[\"EXPERT\",\"MEMBER\"]");
        assertThat(body.get("actor").asString()).as("the header cannot choose the actor").isEqualTo("person-42");
    }

    @Test
    void missingExpiredForgedOrForeignTokensAreRefusedAs401Problems() throws Exception {
        assertUnauthenticated(get("/kit/whoami", null));
        assertUnauthenticated(get("/kit/whoami", TestTokens.expired("person-42", Role.COORDINATOR)));
        assertUnauthenticated(get("/kit/whoami", "Bearer not-a-jwt"));
        assertUnauthenticated(get("/kit/whoami", "Bearer " + TestTokens.token("person-42", "http://evil-issuer",
                Duration.ofMinutes(5), List.of("coordinator"))));
        // same claims, signed by a key that is not the issuer's
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("person-42").issuer(TestTokens.ISSUER).claim("roles", List.of("coordinator"))
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
        forged.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
        assertUnauthenticated(get("/kit/whoami", "Bearer " + forged.serialize()));
        // an unsigned token ("alg": "none") is not accepted either
        String unsigned = new com.nimbusds.jwt.PlainJWT(new JWTClaimsSet.Builder().subject("person-42")
                .issuer(TestTokens.ISSUER).claim("roles", List.of("coordinator"))
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build()).serialize();
        assertUnauthenticated(get("/kit/whoami", "Bearer " + unsigned));
    }

    @Test
    void rolesAndObjectRulesAnswer403ProblemsAndHealthStaysOpen() {
        String member = TestTokens.bearer("person-7", Role.MEMBER, Role.EXPERT);
        HttpResponse<String> admin = get("/admin/audit", member);
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(admin.body()).contains("/problems/forbidden");
        HttpResponse<String> rule = get("/kit/coordinators-only", member);
        assertThat(rule.statusCode()).isEqualTo(403);
        assertThat(rule.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(rule.body()).contains("Only a coordinator may do this.");
        assertThat(get("/kit/coordinators-only", TestTokens.coordinator()).statusCode()).isEqualTo(200);
        assertThat(get("/admin/audit", TestTokens.coordinator()).statusCode()).isEqualTo(200);
        // unknown role names in a token give no rights
        assertThat(get("/kit/coordinators-only", "Bearer " + TestTokens.token("p", TestTokens.ISSUER,
                Duration.ofMinutes(5), List.of("admin", "COORDINATOR "))).statusCode())
                .as("trimmed, case-insensitive role names").isEqualTo(200);
        assertThat(get("/kit/coordinators-only", "Bearer " + TestTokens.token("p", TestTokens.ISSUER,
                Duration.ofMinutes(5), List.of("admin", "root"))).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
    }

    private static void assertUnauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("/problems/unauthenticated").doesNotContain("Exception");
    }

    private HttpResponse<String> get(String path, String authorization, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (headers.length > 0) {
                request.headers(headers);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
