package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackService;
import org.civictaskforce.devstack.SignIn;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * Sign-in and access end to end, with the real identity service: a person gets an account from an
 * enrolment link, signs in in a browser-like session through the gateway (authorization code + PKCE,
 * the gateway holding the tokens), acts through the session with CSRF protection, and signs out; their
 * roles follow membership; and no service answers a request without a valid token, even when it is
 * reached directly rather than through the gateway.
 */
@ExtendWith(SystemUnderTest.class)
class IdentityJourneyIT {
    private static Devstack stack;
    private static GatewayClient coordinator;

    @BeforeAll
    static void system() {
        stack = SystemUnderTest.stack();
        coordinator = SystemUnderTest.gateway();
    }

    @Test
    void noServiceAnswersWithoutAValidTokenEvenWhenReachedDirectly() throws Exception {
        Answer anonymous = coordinator.anonymous().get("/api/membership/people");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        HttpClient http = HttpClient.newHttpClient();
        for (DevstackService service : DevstackService.backends()) {
            String base = stack.serviceUrl(service);
            String api = service == DevstackService.IDENTITY ? "/api/identity/me"
                    : "/api/" + (service == DevstackService.NOTIFICATION ? "notifications/deliveries"
                    : service.database() + (service == DevstackService.MEMBERSHIP ? "/people"
                    : service == DevstackService.RESEARCH ? "/institutions" : "/guide"));
            assertThat(status(http, base + api, null)).as(service + " without a token").isEqualTo(401);
            assertThat(status(http, base + api, "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."))
                    .as(service + " with an unsigned token").isEqualTo(401);
            assertThat(status(http, base + "/admin/audit", null)).as(service + " admin").isEqualTo(401);
            assertThat(status(http, base + "/actuator/health/readiness", null)).as(service + " health").isEqualTo(200);
            if (service != DevstackService.IDENTITY) {
                assertThat(status(http, base + api, SystemUnderTest.identities().coordinator()))
                        .as(service + " with the coordinator's token").isEqualTo(200);
            }
        }
    }

    @Test
    void aMemberSignsInThroughTheGatewayActsWithCsrfProtectionAndSignsOut() throws Exception {
        String person = Members.activeExpert(coordinator, "Browser Expert", "KG", "Asia/Bishkek");
        String[] credentials = SystemUnderTest.identities().credentials(person);
        Browser browser = new Browser(stack.gatewayUrl());

        assertThat(browser.json("/auth/me").get("signedIn").asBoolean()).isFalse();
        browser.signIn(credentials[0], credentials[1]);
        JsonNode me = browser.json("/auth/me");
        assertThat(me.get("signedIn").asBoolean()).isTrue();
        assertThat(me.get("subject").asString()).isEqualTo(person);
        assertThat(me.get("roles").toString()).contains("expert");
        assertThat(me.toString()).as("no personal data in /auth/me").doesNotContain("Browser Expert", "@");
        assertThat(browser.cookie("SESSION")).as("the browser holds a session cookie, never a token").isNotNull();
        assertThat(browser.cookieNames()).noneMatch(n -> n.toLowerCase().contains("token") && !n.equals("XSRF-TOKEN"));

        // the session's token is relayed: the person reads their own details, with contact
        HttpResponse<String> own = browser.send("GET", "/api/membership/people/" + person, null, false);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("@example.org");

        // a change through the session needs the CSRF header; the same change with it goes through
        String change = "{\"languages\":[\"ru\",\"ky\"],\"expertise\":[\"ebrd\"],\"protectedIdentity\":false}";
        HttpResponse<String> forged = browser.send("PUT", "/api/membership/people/" + person + "/profile", change, false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("/problems/forbidden");
        HttpResponse<String> honest = browser.send("PUT", "/api/membership/people/" + person + "/profile", change, true);
        assertThat(honest.statusCode()).as(honest.body()).isEqualTo(200);
        assertThat(honest.body()).contains("\"ky\"");

        // signing out ends the gateway's session and sends the browser to the identity service
        HttpResponse<String> out = browser.send("POST", "/logout", null, true);
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.body()).contains(stack.identityUrl());
        assertThat(browser.json("/auth/me").get("signedIn").asBoolean()).isFalse();
        assertThat(browser.send("GET", "/api/membership/people/" + person, null, false).statusCode()).isEqualTo(401);
    }

    @Test
    void signedInBrowsersStaySignedInWhileTheGatewayAndTheIdentityServiceRestart() throws Exception {
        String person = Members.activeExpert(coordinator, "Restart Expert", "KZ", "Asia/Almaty");
        String[] credentials = SystemUnderTest.identities().credentials(person);
        Browser signedIn = new Browser(stack.gatewayUrl());
        signedIn.signIn(credentials[0], credentials[1]);
        // another browser is half-way: on the identity service's sign-in page, its sign-in pending at both
        Browser halfWay = new Browser(stack.gatewayUrl());
        SignInPage page = halfWay.openSignInPage();

        // both keep their sessions in MongoDB, so a restart (or another replica) signs nobody out
        restart(DevstackService.GATEWAY);
        restart(DevstackService.IDENTITY);

        JsonNode me = signedIn.json("/auth/me");
        assertThat(me.get("signedIn").asBoolean()).as(me.toString()).isTrue();
        assertThat(me.get("subject").asString()).isEqualTo(person);
        assertThat(signedIn.send("GET", "/api/membership/people/" + person, null, false).statusCode()).isEqualTo(200);
        assertThat(halfWay.submitSignIn(page, credentials[0], credentials[1], null))
                .as("the sign-in started before the restarts finishes after them").isTrue();
        assertThat(halfWay.json("/auth/me").get("subject").asString()).isEqualTo(person);
    }

    private static void restart(DevstackService service) {
        org.civictaskforce.devstack.ServiceProcess process = stack.process(service);
        process.stop();
        process.startAndAwaitReady(Duration.ofSeconds(180));
    }

    @Test
    void aMemberTurnsOnASecondFactorAndFromThenOnSignsInWithACode() throws Exception {
        String person = Members.activeExpert(coordinator, "Careful Expert", "KG", "Asia/Bishkek");
        String[] credentials = SystemUnderTest.identities().credentials(person);
        Browser browser = new Browser(stack.gatewayUrl());
        browser.signIn(credentials[0], credentials[1]);

        HttpResponse<String> setUp = browser.send("POST", "/api/identity/me/second-factor", null, true);
        assertThat(setUp.statusCode()).as(setUp.body()).isEqualTo(201);
        JsonNode factor = GatewayClient.JSON.readTree(setUp.body());
        assertThat(factor.get("otpauthUri").asString()).startsWith("otpauth://totp/")
                .doesNotContain(credentials[0]);
        String secret = factor.get("secret").asString();
        long step = OneTimeCodes.currentStep();
        HttpResponse<String> wrong = browser.send("POST", "/api/identity/me/second-factor/confirm",
                "{\"code\":\"" + OneTimeCodes.wrongCode(secret, step) + "\",\"password\":\""
                        + credentials[1] + "\"}", true);
        assertThat(wrong.statusCode()).isEqualTo(422);
        HttpResponse<String> confirmed = browser.send("POST", "/api/identity/me/second-factor/confirm",
                "{\"code\":\"" + OneTimeCodes.code(secret, step) + "\",\"password\":\"" + credentials[1] + "\"}", true);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(GatewayClient.JSON.readTree(confirmed.body()).get("recoveryCodes").size()).as("one-time recovery codes, shown once").isEqualTo(10);
        assertThat(browser.send("POST", "/logout", null, true).statusCode()).isEqualTo(200);

        // the password alone no longer signs in, and the page does not say which part was wrong
        Browser thief = new Browser(stack.gatewayUrl());
        assertThat(thief.trySignIn(credentials[0], credentials[1], null)).isFalse();
        assertThat(thief.json("/auth/me").get("signedIn").asBoolean()).isFalse();
        // with the next code (one step ahead is accepted; the step used to confirm is spent) it does
        Browser owner = new Browser(stack.gatewayUrl());
        assertThat(owner.trySignIn(credentials[0], credentials[1], OneTimeCodes.code(secret, step + 1))).isTrue();
        assertThat(owner.json("/auth/me").get("subject").asString()).isEqualTo(person);
        // the same code again is refused: a code works once
        assertThat(new Browser(stack.gatewayUrl()).trySignIn(credentials[0], credentials[1], OneTimeCodes.code(secret, step + 1)))
                .isFalse();
    }



    @Test
    void rolesFollowMembership() {
        String person = Members.activeExpert(coordinator, "Role Follower", "KG", "Asia/Bishkek");
        assertThat(SystemUnderTest.identities().currentRoles(person)).contains("expert");
        Answer me = coordinator.as(person, Role.EXPERT).get("/api/identity/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("sub").asString()).isEqualTo(person);

        Instant removedAt = Instant.now();
        assertThat(coordinator.post("/api/membership/people/" + person + "/remove", null).status()).isEqualTo(200);
        Instant deadline = Instant.now().plusSeconds(40);
        Set<String> roles = SystemUnderTest.identities().currentRoles(person);
        while (!roles.isEmpty() && Instant.now().isBefore(deadline)) {
            sleep(500);
            roles = SystemUnderTest.identities().currentRoles(person);
        }
        assertThat(roles).as("a removed member signs in with no role").isEmpty();
        // tokens issued up to the removal are refused from then on, also one issued in the same second (iat has
        // whole seconds): the next token, issued later, opens what their roles (none) allow
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(removedAt.plusMillis(2000)));
        GatewayClient removed = coordinator.as(person);
        assertThat(removed.get("/api/membership/people").status()).isEqualTo(403);
        assertThat(removed.get("/api/research/assignments").status()).isEqualTo(403);
    }


    private static int status(HttpClient http, String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The identity service's sign-in page as a browser holds it: where its form goes, and its CSRF token. */
    record SignInPage(String url, String csrf) {
    }

    /** A browser: cookies, redirects followed by hand, no token ever in its hands. */
    static final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        private final String gateway;

        Browser(String gateway) {
            this.gateway = gateway;
        }

        void signIn(String username, String password) throws Exception {
            assertThat(trySignIn(username, password, null)).as("back at the web client, signed in").isTrue();
        }

        /** Signs in like a browser, with a one-time code if given; whether it ended back at the web client. */
        boolean trySignIn(String username, String password, String code) throws Exception {
            return submitSignIn(openSignInPage(), username, password, code);
        }

        /** The sign-in page the web client's "sign in" leads to (through the gateway and the identity service). */
        SignInPage openSignInPage() throws Exception {
            HttpResponse<String> step = get(gateway + "/oauth2/authorization/civic");
            String login = follow(step); // the identity service's authorize endpoint, which sends us to /login
            while (!URI.create(login).getPath().equals("/login")) {
                login = follow(get(login));
            }
            HttpResponse<String> page = get(login);
            String csrf = SignIn.csrf(page.body());
            assertThat(csrf).as("the sign-in page carries a CSRF token").isNotNull();
            return new SignInPage(login, csrf);
        }

        /** Sends the sign-in page's form; whether it ended back at the web client. */
        boolean submitSignIn(SignInPage page, String username, String password, String code) throws Exception {
            String login = page.url();
            Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("username", username,
                    "password", password, "_csrf", page.csrf()));
            if (code != null) {
                fields.put("otp", code);
            }
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(login))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(SignIn.form(fields)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String next = follow(posted);
            if (URI.create(next).getPath().equals("/login")) {
                return false; // back at the sign-in page with its one message for every failure
            }
            for (int hops = 0; hops < 6 && !next.equals(gateway + "/") && !next.startsWith(gateway + "/?"); hops++) {
                next = follow(get(next));
            }
            return next.equals(gateway + "/");
        }

        JsonNode json(String path) throws Exception {
            return GatewayClient.JSON.readTree(send("GET", path, null, false).body());
        }

        HttpResponse<String> send(String method, String path, String json, boolean withCsrf) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(20)).header("Accept", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (withCsrf) {
                if (cookie("XSRF-TOKEN") == null) {
                    send("GET", "/auth/me", null, false); // the gateway hands out the CSRF cookie
                }
                request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        java.util.List<String> cookieNames() {
            return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName).toList();
        }

        private HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String follow(HttpResponse<String> response) {
            assertThat(response.statusCode() / 100).as(response.uri() + " → " + response.statusCode()).isEqualTo(3);
            return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
        }
    }
}
