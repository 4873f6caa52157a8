package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.civictaskforce.accesstokens.RevokedSubjects;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The web client's sign-in through the gateway (backend-for-frontend): the browser is sent to the
 * identity service with PKCE, comes back with a code that the gateway exchanges at a stub token
 * endpoint, and from then on holds only the session cookie; the gateway relays the access token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s") // the default 5 s is too short on a loaded 2-core CI machine
class WebSignInTest {

    static final String AUTHORIZE = "http://identity.example/oauth2/authorize";
    static final String END_SESSION = "http://identity.example/connect/logout";

    static final RecordingBackend membership = RecordingBackend.start();
    static final StubIdentityService identity = StubIdentityService.start();

    @Autowired
    WebTestClient client;

    @Autowired
    RevokedSubjects revokedSubjects;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("MEMBERSHIP_URL", membership::url);
        registry.add("STRATEGY_URL", membership::url); // the public guide pages' service, recorded alike
        registry.add("IDENTITY_AUTHORIZATION_URI", () -> AUTHORIZE);
        registry.add("IDENTITY_END_SESSION_URI", () -> END_SESSION);
        registry.add("IDENTITY_TOKEN_URI", () -> identity.url() + "/oauth2/token");
        registry.add("IDENTITY_JWKS_URI", () -> identity.url() + "/oauth2/jwks");
    }

    @BeforeEach
    void reset() {
        resetForMemberP7(membership, identity);
    }

    /** Forgets what the stubs recorded; the identity service will hand out tokens of member and expert p-7. */
    static void resetForMemberP7(RecordingBackend membership, StubIdentityService identity) {
        membership.reset();
        identity.reset();
        identity.accessToken = token(TestTokens.bearer("p-7", Role.MEMBER, Role.EXPERT));
        identity.refreshedAccessToken = token(TestTokens.bearer("p-7", Role.MEMBER, Role.EXPERT));
    }

    @Test
    void signInStartsAtTheIdentityServiceWithPkce() {
        EntityExchangeResult<byte[]> result = client.get().uri("/oauth2/authorization/civic").exchange()
                .expectStatus().is3xxRedirection()
                .expectBody().returnResult();

        URI location = result.getResponseHeaders().getLocation();
        assertThat(location.toString()).startsWith(AUTHORIZE + "?");
        Map<String, String> query = UriComponentsBuilder.fromUri(location).build(true).getQueryParams()
                .toSingleValueMap();
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", "civic-gateway")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("code_challenge", "state", "nonce", "redirect_uri");
        assertThat(decode(query.get("redirect_uri"))).endsWith("/login/oauth2/code/civic");
        assertThat(decode(query.get("scope"))).isEqualTo("openid");
        // the pending sign-in is kept in an HttpOnly, SameSite=Lax session cookie
        ResponseCookie session = result.getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
    }

    @Test
    void withoutASessionNobodyIsSignedIn() {
        client.get().uri("/auth/me").exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"signedIn\":false}", true);
    }

    @Test
    void aSignedInBrowserHoldsOnlyTheSessionCookieAndTheGatewayRelaysTheAccessToken() {
        Browser browser = signIn();

        // the code was exchanged with the PKCE verifier and the client's secret
        StubIdentityService.TokenRequest exchange = identity.tokenRequests().get(0);
        assertThat(exchange.form()).containsEntry("grant_type", "authorization_code")
                .containsEntry("code", "code-1");
        assertThat(s256(exchange.form().get("code_verifier"))).isEqualTo(browser.codeChallenge);
        assertThat(exchange.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("civic-gateway:test-only-secret".getBytes(StandardCharsets.UTF_8)));

        client.get().uri("/auth/me").cookie("SESSION", browser.session).exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"signedIn\":true,\"subject\":\"p-7\",\"roles\":[\"expert\",\"member\"]}", true);

        client.get().uri("/api/membership/people").cookie("SESSION", browser.session).exchange()
                .expectStatus().isOk();

        assertThat(membership.requests()).singleElement().satisfies(request -> {
            assertThat(request.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + identity.accessToken);
            assertThat(request.header(HttpHeaders.COOKIE)).isNull();
        });
    }

    @Test
    void aRequestStillCarryingThePendingSessionLeavesTheNewSessionCookieAlone() {
        Browser browser = signIn();

        // sent before the sign-in's answer came back (the service worker fetches the shell's files meanwhile), it
        // names the pending session, which the sign-in replaced; its answer must not delete the browser's new cookie
        EntityExchangeResult<byte[]> late = client.get().uri("/auth/me").cookie("SESSION", browser.pending)
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"signedIn\":false}", true)
                .returnResult();
        assertThat(late.getResponseCookies().get("SESSION")).as("no Set-Cookie for the session at all").isNull();

        client.get().uri("/auth/me").cookie("SESSION", browser.session).exchange()
                .expectBody().jsonPath("$.signedIn").isEqualTo(true);
    }

    @Test
    void aSignedInBrowserReadsThePublicGuideWithoutItsTokenAndWithoutRenewingItsSignIn() {
        identity.expiresIn = 10; // expired at once: an API call would need a refresh (and a reachable identity service)
        Browser browser = signIn();

        client.get().uri("/guide/ky").cookie("SESSION", browser.session).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);

        assertThat(membership.requestsTo("/guide/ky")).singleElement().satisfies(request -> {
            assertThat(request.header(HttpHeaders.AUTHORIZATION)).isNull();
            assertThat(request.header(HttpHeaders.COOKIE)).isNull();
        });
        // no refresh was even tried for the public page
        assertThat(identity.tokenRequests()).extracting(request -> request.form().get("grant_type"))
                .containsExactly("authorization_code");
    }

    @Test
    void aChangeFromTheSessionNeedsTheXsrfHeader() {
        Browser browser = signIn();
        String xsrf = xsrfCookie(browser);

        client.post().uri("/api/membership/people").cookie("SESSION", browser.session).cookie("XSRF-TOKEN", xsrf)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/forbidden");
        client.post().uri("/api/membership/people").cookie("SESSION", browser.session).cookie("XSRF-TOKEN", xsrf)
                .header("X-XSRF-TOKEN", "guessed").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isForbidden();
        assertThat(membership.requests()).isEmpty();

        client.post().uri("/api/membership/people").cookie("SESSION", browser.session).cookie("XSRF-TOKEN", xsrf)
                .header("X-XSRF-TOKEN", xsrf).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"a\":1}")
                .exchange()
                .expectStatus().isOk();
        assertThat(membership.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + identity.accessToken);
            assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        });
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeItIsRelayed() {
        identity.expiresIn = 10; // within the client's clock skew: counts as expired at once
        Browser browser = signIn();

        client.get().uri("/api/membership/people").cookie("SESSION", browser.session).exchange()
                .expectStatus().isOk();

        assertThat(identity.tokenRequests()).extracting(request -> request.form().get("grant_type"))
                .containsExactly("authorization_code", "refresh_token");
        assertThat(membership.requests()).singleElement().satisfies(request -> assertThat(
                request.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + identity.refreshedAccessToken));
    }

    @Test
    void requestsSentTogetherAsTheAccessTokenExpiresShareOneRefresh() throws Exception {
        identity.expiresIn = 10; // within the client's clock skew: counts as expired at once
        Browser browser = signIn();

        // refresh tokens rotate: a second refresh with the same token would be refused and its request answered 401
        java.util.concurrent.ExecutorService page = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(page.submit(() -> client.get().uri("/api/membership/people").cookie("SESSION", browser.session)
                        .exchange().returnResult(String.class).getStatus().value()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            page.shutdownNow();
        }
        assertThat(identity.tokenRequests()).extracting(request -> request.form().get("grant_type"))
                .as("one refresh for the four").containsExactly("authorization_code", "refresh_token");
        assertThat(membership.requests()).hasSize(4).allSatisfy(request -> assertThat(
                request.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + identity.refreshedAccessToken));
    }

    @Test
    void signOutEndsTheSessionAndGoesToTheIdentityServicesEndSession() {
        Browser browser = signIn();
        String xsrf = xsrfCookie(browser);

        EntityExchangeResult<byte[]> result = client.post().uri("/logout").cookie("SESSION", browser.session)
                .cookie("XSRF-TOKEN", xsrf)
                .body(BodyInserters.fromFormData("_csrf", xsrf))
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectBody().returnResult();

        URI location = result.getResponseHeaders().getLocation();
        assertThat(location.toString()).startsWith(END_SESSION + "?");
        assertThat(result.getResponseCookies().getFirst("SESSION")).as("the browser forgets the session")
                .satisfies(cookie -> assertThat(cookie.getMaxAge()).isZero());
        Map<String, String> query = UriComponentsBuilder.fromUri(location).build(true).getQueryParams()
                .toSingleValueMap();
        assertThat(query).containsKeys("id_token_hint");
        assertThat(decode(query.get("post_logout_redirect_uri"))).matches("http://localhost:\\d+/");

        client.get().uri("/auth/me").cookie("SESSION", browser.session).exchange()
                .expectBody().json("{\"signedIn\":false}", true);
        client.get().uri("/api/membership/people").cookie("SESSION", browser.session).exchange()
                .expectStatus().isUnauthorized();
        assertThat(membership.requests()).isEmpty();
    }

    @Test
    void theWebClientsScriptSignsOutWithTheHeaderAndIsToldWhereToGo() {
        Browser browser = signIn();
        String xsrf = xsrfCookie(browser);

        client.post().uri("/logout").cookie("SESSION", browser.session).cookie("XSRF-TOKEN", xsrf)
                .header("X-XSRF-TOKEN", xsrf).accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.redirect").value(String.class,
                        redirect -> assertThat(redirect).startsWith(END_SESSION + "?").contains("id_token_hint="));

        client.get().uri("/auth/me").cookie("SESSION", browser.session).exchange()
                .expectBody().json("{\"signedIn\":false}", true);
    }

    @Test
    void aPersonErasedOrRemovedAfterSigningInLosesTheSessionAtTheirNextRequest() {
        // a subject of this test alone: revocations are kept for the context's lifetime
        identity.subject = "p-erased-later";
        identity.accessToken = token(TestTokens.bearer("p-erased-later", Role.MEMBER));
        Browser browser = signIn();
        client.get().uri("/api/membership/people").cookie("SESSION", browser.session).exchange()
                .expectStatus().isOk();

        revokedSubjects.revoke("p-erased-later", Instant.now()); // what the revocation feed does on PersonErased

        client.get().uri("/api/membership/people").cookie("SESSION", browser.session).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/auth/me").cookie("SESSION", browser.session).exchange()
                .expectBody().json("{\"signedIn\":false}", true);
        assertThat(membership.requests()).as("nothing more reached the service").hasSize(1);
    }

    @Test
    void signOutWithoutTheXsrfTokenIsRefused() {
        Browser browser = signIn();

        client.post().uri("/logout").cookie("SESSION", browser.session)
                .body(BodyInserters.fromFormData("other", "x"))
                .exchange()
                .expectStatus().isForbidden();

        client.get().uri("/auth/me").cookie("SESSION", browser.session).exchange()
                .expectBody().jsonPath("$.signedIn").isEqualTo(true);
    }

    /** What the browser holds after signing in, and the challenge it carried to the identity service. */
    record Browser(String session, String codeChallenge, String pending) {
    }

    private Browser signIn() {
        EntityExchangeResult<byte[]> start = client.get().uri("/oauth2/authorization/civic").exchange()
                .expectStatus().is3xxRedirection().expectBody().returnResult();
        String pending = start.getResponseCookies().getFirst("SESSION").getValue();
        UriComponents authorize = UriComponentsBuilder.fromUri(start.getResponseHeaders().getLocation()).build(true);
        identity.nonce = decode(authorize.getQueryParams().getFirst("nonce"));

        // the identity service sends the browser back with a code
        EntityExchangeResult<byte[]> back = client.get()
                .uri("/login/oauth2/code/civic?code={code}&state={state}", "code-1",
                        decode(authorize.getQueryParams().getFirst("state")))
                .cookie("SESSION", pending)
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/")
                .expectBody().returnResult();
        ResponseCookie session = back.getResponseCookies().getFirst("SESSION");
        assertThat(session).as("a new session id after sign-in").isNotNull();
        assertThat(session.getValue()).isNotEqualTo(pending);
        // no token ever reaches the browser
        assertThat(back.getResponseCookies().keySet()).doesNotContain("access_token", "id_token");
        return new Browser(session.getValue(), authorize.getQueryParams().getFirst("code_challenge"), pending);
    }

    private String xsrfCookie(Browser browser) {
        ResponseCookie xsrf = client.get().uri("/auth/me").cookie("SESSION", browser.session).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(xsrf).isNotNull();
        assertThat(xsrf.isHttpOnly()).as("readable by the web client's script").isFalse();
        return xsrf.getValue();
    }

    static String token(String authorization) {
        return authorization.substring("Bearer ".length());
    }

    static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
