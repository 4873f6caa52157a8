package org.civictaskforce.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civictaskforce.identity.IdentityTestSupport.BOOTSTRAP_PASSWORD;
import static org.civictaskforce.identity.IdentityTestSupport.BOOTSTRAP_USER;
import static org.civictaskforce.identity.IdentityTestSupport.SECRET;
import static org.civictaskforce.identity.IdentityTestSupport.call;

import java.util.Map;

import org.civictaskforce.identity.membership.AccountService;
import org.civictaskforce.identity.audit.IdentityAudit;
import org.civictaskforce.identity.settings.IdentityProperties;
import org.civictaskforce.identity.signin.SignInSessions;
import org.civictaskforce.platform.audit.AuditLog;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.model.Filters;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * What survives a restart, or a second replica on the same database: the signing key (same {@code kid}, so
 * issued tokens stay valid), the bootstrap coordinator (created once) and a browser's sign-in. And what stops a start.
 */
class RestartIT extends IdentityIntegrationTestBase {
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @Autowired
    AccountService accounts;
    @Autowired
    IdentityProperties properties;
    @Autowired
    SignInSessions signInSessions;

    @Test
    void aSecondInstanceOnTheSameDatabaseServesTheSameKeyAndDoesNotRecreateTheBootstrapAccount() throws Exception {
        String kid = JWKSet.parse(call("GET", base + "/oauth2/jwks", null, null).body()).getKeys().get(0).getKeyID();
        String bootstrapId = mongo.getCollection("accounts").find(Filters.eq("username", BOOTSTRAP_USER.toLowerCase()))
                .first().getString("_id");
        // a token, a code and a refresh token from this instance
        String token = coordinatorToken();
        AuthorizationCodeFlow.Authorization code = flow.authorize(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD);
        String refreshToken = flow.signIn(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD).refreshToken();

        try (ConfigurableApplicationContext second = start(Map.of("identity.gateway.client-secret", SECRET,
                "identity.bootstrap.username", BOOTSTRAP_USER, "identity.bootstrap.password", BOOTSTRAP_PASSWORD))) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            String secondBase = "http://localhost:" + secondPort;
            String secondKid = JWKSet.parse(call("GET", secondBase + "/oauth2/jwks", null, null).body()).getKeys().get(0)
                    .getKeyID();
            assertThat(secondKid).isEqualTo(kid);
            // the first instance's token is valid at the second
            assertThat(call("GET", secondBase + "/api/identity/me", token, null).statusCode()).isEqualTo(200);
            // authorizations live in the database: the second instance exchanges the first one's code and refresh token
            AuthorizationCodeFlow atSecond = new AuthorizationCodeFlow(secondBase, IdentityTestSupport.CLIENT_ID, SECRET,
                    IdentityTestSupport.REDIRECT);
            java.net.http.HttpResponse<String> exchanged = atSecond.exchange(code.code(), code.codeVerifier(), SECRET);
            assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
            java.net.http.HttpResponse<String> refreshed = atSecond.refresh(refreshToken);
            assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        }
        // the initializer once more, as a third start would
        assertThat(accounts.ensureBootstrapCoordinator(properties.bootstrap())).isFalse();

        assertThat(mongo.getCollection("accounts").countDocuments(Filters.eq("username", BOOTSTRAP_USER.toLowerCase())))
                .isEqualTo(1);
        assertThat(mongo.getCollection("accounts").find(Filters.eq("username", BOOTSTRAP_USER.toLowerCase())).first()
                .getString("_id")).isEqualTo(bootstrapId);
        assertThat(mongo.getCollection(AuditLog.COLLECTION).countDocuments(Filters.and(
                Filters.eq("type", IdentityAudit.ACCOUNT_CREATED), Filters.eq("subject", bootstrapId)))).isEqualTo(1);
        assertThat(mongo.getCollection("signing_keys").countDocuments()).isEqualTo(1);
        // what an authorization stores: ids and tokens, no username, no password hash
        for (org.bson.Document stored : mongo.getCollection("authorizations").find()) {
            String bytes = new String(stored.get("data", org.bson.types.Binary.class).getData(),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContainIgnoringCase(BOOTSTRAP_USER).doesNotContain("{bcrypt}")
                    .doesNotContain(BOOTSTRAP_PASSWORD);
        }
    }

    @Test
    void aSignInStartedAtOneInstanceFinishesAtAnotherAndItsSessionKeepsNoCredentials() throws Exception {
        try (ConfigurableApplicationContext second = start(Map.of("identity.gateway.client-secret", SECRET,
                "identity.bootstrap.username", BOOTSTRAP_USER, "identity.bootstrap.password", BOOTSTRAP_PASSWORD))) {
            String secondBase = "http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort();
            // the browser asks the first instance, is sent to its sign-in page and signs in there ...
            AuthorizationCodeFlow.Browser browser = new AuthorizationCodeFlow.Browser();
            String verifier = "v".repeat(43);
            java.net.http.HttpResponse<String> authorize = browser.get(
                    flow.authorizeUrl("state-1", AuthorizationCodeFlow.challenge(verifier)));
            String login = AuthorizationCodeFlow.location(authorize).orElseThrow();
            assertThat(authorize.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("CIVIC_IDENTITY_SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
            java.net.http.HttpResponse<String> page = browser.get(login.startsWith("http") ? login : base + login);
            java.net.http.HttpResponse<String> posted = browser.postForm(base + "/login", Map.of(
                    "username", BOOTSTRAP_USER, "password", BOOTSTRAP_PASSWORD, "_csrf", browser.csrfOf(page)));
            assertThat(posted.statusCode()).isEqualTo(302);
            String continueAt = AuthorizationCodeFlow.location(posted).orElseThrow();
            assertThat(continueAt).doesNotContain("error");
            // ... and the next request, with the same session cookie, reaches the second instance: the code comes from it
            String atSecond = secondBase + continueAt.replaceFirst("^https?://[^/]+", "");
            java.net.http.HttpResponse<String> back = browser.get(atSecond);
            String redirect = AuthorizationCodeFlow.location(back).orElse("");
            assertThat(redirect).as(back.statusCode() + " " + back.body()).startsWith(IdentityTestSupport.REDIRECT);
            String code = AuthorizationCodeFlow.query(java.net.URI.create(redirect)).get("code");
            assertThat(code).isNotBlank();
            assertThat(flow.exchange(code, verifier, SECRET).statusCode()).isEqualTo(200);

            // what a sign-in session stores: the subject (an id), no username, no password, no password hash
            assertThat(mongo.getCollection(SignInSessions.COLLECTION).countDocuments()).isPositive();
            for (org.bson.Document stored : mongo.getCollection(SignInSessions.COLLECTION).find()) {
                StringBuilder text = new StringBuilder(stored.toJson());
                stored.values().stream().filter(org.bson.types.Binary.class::isInstance)
                        .forEach(b -> text.append(new String(((org.bson.types.Binary) b).getData(),
                                java.nio.charset.StandardCharsets.ISO_8859_1)));
                assertThat(text.length()).isGreaterThan(stored.toJson().length()); // the serialized attributes
                assertThat(text.toString()).doesNotContainIgnoringCase(BOOTSTRAP_USER).doesNotContain("{bcrypt}")
                        .doesNotContain(BOOTSTRAP_PASSWORD);
            }

            // ending the account's sessions (erasure, removal) signs the browser out at every instance
            String subject = mongo.getCollection("accounts").find(Filters.eq("username", BOOTSTRAP_USER.toLowerCase()))
                    .first().getString("_id"); // the bootstrap coordinator has no person: its subject is the account id
            assertThat(signInSessions.endAllOf(subject)).isPositive();
            java.net.http.HttpResponse<String> again = browser.get(
                    secondBase + flow.authorizeUrl("state-2", AuthorizationCodeFlow.challenge(verifier))
                            .replaceFirst("^https?://[^/]+", ""));
            assertThat(AuthorizationCodeFlow.location(again).orElse("")).contains("/login");
        }
    }

    @Test
    void withoutTheGatewayClientSecretTheServiceRefusesToStart() {
        assertThatThrownBy(() -> start(Map.of("identity.gateway.client-secret", "")).close())
                .hasStackTraceContaining("IDENTITY_GATEWAY_CLIENT_SECRET");
    }

    private ConfigurableApplicationContext start(Map<String, Object> extra) {
        Map<String, Object> props = new java.util.HashMap<>(Map.of(
                "server.port", 0,
                "spring.mongodb.uri", MongoTestServer.uri(DATABASE),
                "spring.kafka.bootstrap-servers", kafka,
                "spring.kafka.listener.auto-startup", false,
                "spring.jmx.enabled", false));
        props.putAll(extra);
        // as command-line arguments: they win over application.yml, as the environment does in production
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(IdentityApplication.class).run(args);
    }
}
