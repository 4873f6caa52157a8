package org.civictaskforce.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civictaskforce.identity.IdentityTestSupport.BOOTSTRAP_PASSWORD;
import static org.civictaskforce.identity.IdentityTestSupport.BOOTSTRAP_USER;
import static org.civictaskforce.identity.IdentityTestSupport.CLIENT_ID;
import static org.civictaskforce.identity.IdentityTestSupport.REDIRECT;
import static org.civictaskforce.identity.IdentityTestSupport.SECRET;
import static org.civictaskforce.identity.IdentityTestSupport.call;
import static org.civictaskforce.identity.IdentityTestSupport.form;
import static org.civictaskforce.identity.IdentityTestSupport.json;
import static org.civictaskforce.identity.IdentityTestSupport.problem;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.civictaskforce.identity.AuthorizationCodeFlow.Authorization;
import org.civictaskforce.identity.AuthorizationCodeFlow.Browser;
import org.civictaskforce.identity.AuthorizationCodeFlow.Tokens;
import org.civictaskforce.identity.audit.IdentityAudit;
import org.civictaskforce.platform.audit.AuditLog;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;

/**
 * The authorization server against a running instance: the authorization-code flow with PKCE, what tokens
 * carry, the bootstrap coordinator, enrolment links, lockout, disabling an account, refresh and logout.
 */
class AuthorizationServerIT extends IdentityIntegrationTestBase {

    @Test
    void discoveryDocumentNamesTheStandardEndpoints() {
        JsonNode config = json(call("GET", base + "/.well-known/openid-configuration", null, null));
        assertThat(config.get("issuer").asString()).isEqualTo("http://localhost:9000");
        assertThat(config.get("authorization_endpoint").asString()).endsWith("/oauth2/authorize");
        assertThat(config.get("token_endpoint").asString()).endsWith("/oauth2/token");
        assertThat(config.get("jwks_uri").asString()).endsWith("/oauth2/jwks");
        assertThat(config.get("end_session_endpoint").asString()).endsWith("/connect/logout");
        assertThat(config.get("code_challenge_methods_supported").toString()).contains("S256");
        assertThat(call("GET", base + "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", base + "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = new Browser().send(java.net.http.HttpRequest.newBuilder(
                URI.create(base + "/actuator/prometheus")).header("Accept", "text/plain").GET().build());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        // the API description is open, like every service's (it holds no personal data)
        assertThat(call("GET", base + "/v3/api-docs", null, null).statusCode()).isEqualTo(200);
        // anything else needs a signed-in session: a browser is sent to the sign-in page
        HttpResponse<String> docs = new Browser().get(base + "/swagger-ui.html");
        assertThat(docs.statusCode()).isEqualTo(302);
        assertThat(AuthorizationCodeFlow.location(docs)).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void theBootstrapCoordinatorSignsInWithTheFullFlowAndGetsIdsAndRolesOnly() throws Exception {
        Tokens tokens = flow.signIn(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD);

        JsonNode access = AuthorizationCodeFlow.claims(tokens.accessToken());
        String sub = access.get("sub").asString();
        assertThat(sub).matches("acct-[0-9a-f-]{36}").matches("[A-Za-z0-9._:@-]{1,64}");
        assertThat(access.get("roles").toString()).isEqualTo("[\"coordinator\"]");
        assertThat(access.get("iss").asString()).isEqualTo("http://localhost:9000");
        assertThat(access.get("aud").toString()).contains(CLIENT_ID);
        assertThat(access.get("scope").toString()).isEqualTo("[\"openid\"]");
        assertThat(access.has("jti")).isTrue();
        assertThat(access.get("exp").asLong() - access.get("iat").asLong()).isEqualTo(300);
        assertThat(tokens.body().get("expires_in").asInt()).isBetween(298, 300);
        String payload = access.toString().toLowerCase();
        assertThat(payload).doesNotContain(BOOTSTRAP_USER.toLowerCase()).doesNotContain("email").doesNotContain("name");

        JsonNode id = AuthorizationCodeFlow.claims(tokens.idToken());
        assertThat(id.get("sub").asString()).isEqualTo(sub);
        assertThat(id.has("roles")).isFalse();
        assertThat(id.toString().toLowerCase()).doesNotContain(BOOTSTRAP_USER.toLowerCase());
        assertThat(tokens.refreshToken()).isNotBlank();

        // signed with the published key
        JWKSet keys = JWKSet.parse(call("GET", base + "/oauth2/jwks", null, null).body());
        assertThat(keys.getKeys()).hasSize(1);
        RSAKey key = (RSAKey) keys.getKeys().get(0);
        assertThat(key.isPrivate()).as("only the public half is published").isFalse();
        assertThat(key.size()).isEqualTo(2048);
        SignedJWT jwt = SignedJWT.parse(tokens.accessToken());
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

        JsonNode me = json(call("GET", base + "/api/identity/me", tokens.accessToken(), null));
        assertThat(me.get("sub").asString()).isEqualTo(sub);
        assertThat(me.get("roles").toString()).isEqualTo("[\"coordinator\"]");
    }

    @Test
    void anIdTokenIsNotAcceptedAsAnAccessToken() {
        Tokens tokens = flow.signIn(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD);
        problem(call("GET", base + "/api/identity/me", tokens.idToken(), null), 401, "/problems/unauthenticated");
    }

    @Test
    void aMemberEnrolsWithTheLinkOnceAndSignsInAsTheirPersonWithoutRoles() {
        String coordinator = flow.signIn(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD).accessToken();
        String personId = UUID.randomUUID().toString();
        registered(personId);
        HttpResponse<String> issued = call("POST", base + "/api/identity/enrolments", coordinator,
                "{\"personId\":\"" + personId + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode link = json(issued);
        String url = link.get("enrolmentUrl").asString();
        assertThat(url).startsWith("http://localhost:9000/enrol?token=");
        String token = AuthorizationCodeFlow.query(URI.create(url)).get("token");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        Instant expiresAt = Instant.parse(link.get("expiresAt").asString());
        assertThat(Duration.between(clock.instant(), expiresAt)).isBetween(Duration.ofHours(71), Duration.ofHours(72));
        Document stored = mongo.getCollection("enrolments").find(Filters.eq("_id", personId)).first();
        assertThat(stored.toJson()).as("only the hash is stored").doesNotContain(token);

        Browser browser = new Browser();
        HttpResponse<String> page = browser.get(base + "/enrol?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"_csrf\"").contains("name=\"repeat\"");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

        // without the CSRF token: refused
        assertThat(browser.postForm(base + "/enrol", form("token", token, "username", "x", "password", "y"))
                .statusCode()).isEqualTo(403);
        // a short password: the form again, with the reason
        HttpResponse<String> tooShort = browser.postForm(base + "/enrol", form("token", token, "username", "Aigerim.K",
                "password", "short pass", "repeat", "short pass", "_csrf", browser.csrfOf(page)));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("at least 12 characters");
        // the two passwords differ
        HttpResponse<String> differ = browser.postForm(base + "/enrol", form("token", token, "username", "Aigerim.K",
                "password", "correct horse battery", "repeat", "correct horse batterx", "_csrf", browser.csrfOf(page)));
        assertThat(differ.body()).contains("differ");

        HttpResponse<String> done = browser.postForm(base + "/enrol", form("token", token, "username", "Aigerim.K",
                "password", "correct horse battery", "repeat", "correct horse battery", "_csrf", browser.csrfOf(page)));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Your account is ready");

        // single use
        HttpResponse<String> again = new Browser().get(base + "/enrol?token=" + token);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("already been used");
        problem(call("POST", base + "/enrol", null, "{\"token\":\"" + token
                + "\",\"username\":\"other.name\",\"password\":\"another long password\"}"), 422, "/problems/domain-rule");

        // the username is stored normalised and signs in case-insensitively; only invited: no roles
        Document account = mongo.getCollection("accounts").find(Filters.eq("personId", personId)).first();
        assertThat(account.getString("username")).isEqualTo("aigerim.k");
        assertThat(account.getString("passwordHash")).startsWith("{bcrypt}");
        Tokens member = flow.signIn("AIGERIM.k", "correct horse battery");
        JsonNode claims = AuthorizationCodeFlow.claims(member.accessToken());
        assertThat(claims.get("sub").asString()).isEqualTo(personId);
        assertThat(claims.get("roles").toString()).isEqualTo("[]");
        assertThat(json(call("GET", base + "/api/identity/me", member.accessToken(), null)).get("sub").asString())
                .isEqualTo(personId);

        assertThat(mongo.getCollection(AuditLog.COLLECTION).countDocuments(Filters.and(
                Filters.eq("type", IdentityAudit.ENROLMENT_ISSUED), Filters.eq("subject", personId)))).isEqualTo(1);
        assertThat(mongo.getCollection(AuditLog.COLLECTION).countDocuments(Filters.and(
                Filters.eq("type", IdentityAudit.ENROLMENT_COMPLETED), Filters.eq("subject", personId)))).isEqualTo(1);
        assertThat(mongo.getCollection(AuditLog.COLLECTION).find().into(new java.util.ArrayList<>()).toString())
                .as("the audit trail holds ids, not usernames").doesNotContainIgnoringCase("aigerim");
    }

    @Test
    void aNewLinkReplacesTheOldOneAndAnExpiredLinkIsRefused() {
        String coordinator = flow.signIn(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD).accessToken();
        String personId = UUID.randomUUID().toString();
        String first = tokenOf(issue(coordinator, personId));
        String second = tokenOf(issue(coordinator, personId));

        HttpResponse<String> old = new Browser().get(base + "/enrol?token=" + first);
        assertThat(old.statusCode()).isEqualTo(410);
        assertThat(old.body()).contains("not valid");
        assertThat(new Browser().get(base + "/enrol?token=" + second).statusCode()).isEqualTo(200);
        assertThat(new Browser().get(base + "/enrol?token=nonsense").body()).contains("not valid");

        clock.advance(Duration.ofHours(73));
        HttpResponse<String> expired = new Browser().get(base + "/enrol?token=" + second);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired");
        JsonNode refused = problem(call("POST", base + "/enrol", null, "{\"token\":\"" + second
                + "\",\"username\":\"late.comer\",\"password\":\"a long enough password\"}"), 422, "/problems/domain-rule");
        assertThat(refused.get("detail").asString()).contains("expired");
        assertThat(mongo.getCollection("accounts").countDocuments(Filters.eq("personId", personId))).isZero();
    }

    @Test
    void aTakenUsernameIsRefusedAndTheLinkStaysUsable() {
        String coordinator = flow.signIn(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD).accessToken();
        String token = tokenOf(issue(coordinator, UUID.randomUUID().toString()));
        JsonNode taken = problem(call("POST", base + "/enrol", null, "{\"token\":\"" + token + "\",\"username\":\""
                + BOOTSTRAP_USER + "\",\"password\":\"a long enough password\"}"), 409, "/problems/conflict");
        assertThat(taken.get("detail").asString()).contains("taken");
        problem(call("POST", base + "/enrol", null, "{\"token\":\"" + token + "\",\"username\":\"x y\",\"password\":"
                + "\"a long enough password\"}"), 422, "/problems/domain-rule");
        problem(call("POST", base + "/enrol", null, "{\"token\":\"" + token + "\"}"), 422, "/problems/validation");
        problem(call("POST", base + "/enrol", null, "{\"token\":"), 400, "/problems/malformed-request");
        HttpResponse<String> created = call("POST", base + "/enrol", null, "{\"token\":\"" + token
                + "\",\"username\":\"free.name\",\"password\":\"a long enough password\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void onlyCoordinatorsIssueLinksAndAnonymousCallersAreRefused() {
        problem(call("POST", base + "/api/identity/enrolments", null, "{\"personId\":\"p-1\"}"), 401,
                "/problems/unauthenticated");
        problem(call("GET", base + "/api/identity/me", "not.a.token", null), 401, "/problems/unauthenticated");
        problem(call("GET", base + "/admin/audit", null, null), 401, "/problems/unauthenticated");

        String coordinator = flow.signIn(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD).accessToken();
        String personId = UUID.randomUUID().toString();
        String member = enrolAndSignIn(coordinator, personId, "member." + personId.substring(0, 8)).accessToken();
        problem(call("POST", base + "/api/identity/enrolments", member, "{\"personId\":\"" + personId + "\"}"), 403,
                "/problems/forbidden");
        problem(call("GET", base + "/admin/audit", member, null), 403, "/problems/forbidden");
        assertThat(call("GET", base + "/admin/audit", coordinator, null).statusCode()).isEqualTo(200);

        problem(call("POST", base + "/api/identity/enrolments", coordinator, "{\"personId\":\"bad id!\"}"), 422,
                "/problems/validation");
        problem(call("POST", base + "/api/identity/enrolments", coordinator, "{\"personId\":{\"$gt\":\"\"}}"), 400,
                "/problems/malformed-request");
        problem(call("POST", base + "/api/identity/enrolments", coordinator, "{}"), 422, "/problems/validation");
        // a person membership never registered gets no link (before: a link for any id)
        problem(call("POST", base + "/api/identity/enrolments", coordinator, "{\"personId\":\""
                + UUID.randomUUID() + "\"}"), 404, "/problems/not-found");
        // a person id that looks like the subject of an account without a person (the bootstrap coordinator's)
        String bootstrapSub = AuthorizationCodeFlow.claims(coordinator).get("sub").asString();
        problem(call("POST", base + "/api/identity/enrolments", coordinator, "{\"personId\":\"" + bootstrapSub + "\"}"),
                422, "/problems/domain-rule");
        problem(call("DELETE", base + "/api/identity/accounts/bad%20id", coordinator, null), 400, "/problems/validation");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        String coordinator = flow.signIn(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD).accessToken();
        String personId = UUID.randomUUID().toString();
        String username = "locked." + personId.substring(0, 8);
        enrolAndSignIn(coordinator, personId, username);

        for (int i = 0; i < 5; i++) {
            assertThat(flow.authorize(username, "wrong password " + i).succeeded()).isFalse();
        }
        Authorization refused = flow.authorize(username, "correct horse battery");
        assertThat(refused.succeeded()).as("locked: even the right password is refused").isFalse();
        Document account = mongo.getCollection("accounts").find(Filters.eq("personId", personId)).first();
        assertThat(account.getDate("lockedUntil").toInstant()).isAfter(clock.instant().plus(Duration.ofMinutes(14)));
        String accountId = account.getString("_id");
        assertThat(mongo.getCollection(AuditLog.COLLECTION).countDocuments(Filters.and(
                Filters.eq("type", IdentityAudit.ACCOUNT_LOCKED), Filters.eq("subject", accountId)))).isEqualTo(1);
        // the page says the same as for a wrong password
        HttpResponse<String> page = new Browser().get(base + "/login?error");
        assertThat(page.body()).contains("Sign-in failed");

        clock.advance(Duration.ofMinutes(16));
        assertThat(flow.authorize(username, "correct horse battery").succeeded()).isTrue();
        assertThat(mongo.getCollection("accounts").find(Filters.eq("personId", personId)).first()
                .getInteger("failedAttempts")).isZero();
    }

    @Test
    void pkceIsRequiredAndTheClientSecretIsChecked() {
        Browser browser = new Browser();
        HttpResponse<String> noPkce = browser.get(flow.authorizeUrl("state-1", null));
        String location = AuthorizationCodeFlow.location(noPkce).orElseThrow();
        assertThat(location).startsWith(REDIRECT).contains("error=invalid_request").doesNotContain("code=");

        Authorization authorization = flow.authorize(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD);
        HttpResponse<String> wrongSecret = flow.exchange(authorization.code(), authorization.codeVerifier(),
                "not-the-secret");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("invalid_client");
        // over bcrypt's 72 bytes: refused like any wrong secret, never a server error
        HttpResponse<String> longSecret = flow.exchange(authorization.code(), authorization.codeVerifier(), "s".repeat(100));
        assertThat(longSecret.statusCode()).isEqualTo(401);
        assertThat(flow.authorize(BOOTSTRAP_USER, "p".repeat(100)).failure()).isEqualTo("sign-in refused");
        HttpResponse<String> wrongVerifier = flow.exchange(authorization.code(), "a-different-verifier-of-enough-length-0123456789",
                SECRET);
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(wrongVerifier.body()).contains("invalid_grant");
    }

    @Test
    void refreshTokensRotateAndEndWithTheAccount() {
        String coordinator = flow.signIn(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD).accessToken();
        String personId = UUID.randomUUID().toString();
        Tokens member = enrolAndSignIn(coordinator, personId, "refresh." + personId.substring(0, 8));

        HttpResponse<String> refreshed = flow.refresh(member.refreshToken());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Tokens next = AuthorizationCodeFlow.tokens(refreshed);
        assertThat(next.refreshToken()).isNotEqualTo(member.refreshToken());
        assertThat(AuthorizationCodeFlow.claims(next.accessToken()).get("sub").asString()).isEqualTo(personId);
        assertThat(flow.refresh(member.refreshToken()).statusCode()).as("the old refresh token is spent").isEqualTo(400);

        // another member may not disable this account; the person may; then refresh and sign-in end
        String otherId = UUID.randomUUID().toString();
        String other = enrolAndSignIn(coordinator, otherId, "other." + otherId.substring(0, 8)).accessToken();
        problem(call("DELETE", base + "/api/identity/accounts/" + personId, other, null), 403, "/problems/forbidden");
        assertThat(call("DELETE", base + "/api/identity/accounts/" + personId, next.accessToken(), null).statusCode())
                .isEqualTo(204);
        problem(call("DELETE", base + "/api/identity/accounts/" + personId, coordinator, null), 404,
                "/problems/not-found");
        problem(call("DELETE", base + "/api/identity/accounts/" + UUID.randomUUID(), coordinator, null), 404,
                "/problems/not-found");
        HttpResponse<String> afterDelete = flow.refresh(next.refreshToken());
        assertThat(afterDelete.statusCode()).isEqualTo(400);
        assertThat(afterDelete.body()).contains("invalid_grant");
        assertThat(flow.authorize("refresh." + personId.substring(0, 8), "correct horse battery").succeeded()).isFalse();
        // a coordinator disables another person's account
        assertThat(call("DELETE", base + "/api/identity/accounts/" + otherId, coordinator, null).statusCode())
                .isEqualTo(204);
    }

    @Test
    void rpInitiatedLogoutReturnsToTheGateway() {
        Authorization authorization = flow.authorize(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD);
        Tokens tokens = AuthorizationCodeFlow.tokens(flow.exchange(authorization.code(), authorization.codeVerifier(),
                SECRET));
        HttpResponse<String> logout = authorization.browser().get(base + "/connect/logout?id_token_hint="
                + tokens.idToken() + "&post_logout_redirect_uri=http://localhost:8080/&state=bye");
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(AuthorizationCodeFlow.location(logout)).hasValue("http://localhost:8080/?state=bye");
        // the session is gone: authorize asks for sign-in again
        HttpResponse<String> again = authorization.browser().get(flow.authorizeUrl("s", AuthorizationCodeFlow.challenge("v".repeat(43))));
        assertThat(AuthorizationCodeFlow.location(again)).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void noUsernameOrPasswordReachesTheLogs() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            List<String> logged = logs.lines();
            String personId = UUID.randomUUID().toString();
            String username = "pseudonym." + personId.substring(0, 8);
            enrolAndSignIn(coordinatorToken(), personId, username);
            for (int i = 0; i < 6; i++) {
                flow.authorize(username, "wrong secret words " + i);
            }
            flow.authorize("nobody.by.this.name", "whatever password");
            assertThat(logged).as("the lockout is logged, by account id").anyMatch(line -> line.contains("locked"));
            assertThat(String.join("\n", logged)).doesNotContainIgnoringCase(username)
                    .doesNotContain("correct horse battery").doesNotContain("wrong secret words")
                    .doesNotContain("nobody.by.this.name");
        }
    }
}
