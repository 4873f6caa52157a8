package org.civictaskforce.systemtests.journey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackSecrets;
import org.civictaskforce.devstack.SignIn;
import org.civictaskforce.platform.security.Role;

import tools.jackson.databind.JsonNode;

/**
 * Real sign-in for the end-to-end tests: every actor signs in at the identity service with the
 * authorization-code flow and PKCE, as the gateway's client does. The coordinator is the bootstrap
 * account; a person gets an account through an enrolment link a coordinator asks for (as in real
 * life), and their roles are whatever membership gave them — {@link #bearer} waits until the
 * identity service has seen those roles and fails the test if they never come.
 */
public final class Identities {
    private static final Duration REFRESH_BEFORE = Duration.ofMinutes(4);
    private final Devstack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Account(String username, String password) {
    }

    private record Token(String bearer, Set<String> roles, Instant at) {
    }

    public Identities(Devstack stack) {
        this.stack = stack;
    }

    /** The bootstrap coordinator's {@code Authorization} value (signed in again before it expires). */
    String coordinator() {
        return token("coordinator", new Account(DevstackSecrets.BOOTSTRAP_USERNAME,
                stack.secrets().bootstrapPassword()), Set.of()).bearer();
    }

    /** The bootstrap coordinator's subject (an {@code acct-…} id, not a person). */
    String coordinatorSubject() {
        return subject(coordinator());
    }

    /** Signs in as this person (enrolling them first if needed), once their token carries these roles. */
    String bearer(String personId, Role... roles) {
        Account account = accounts.computeIfAbsent(personId, this::enrol);
        Set<String> wanted = new HashSet<>();
        Arrays.stream(roles).forEach(r -> wanted.add(r.claim()));
        return token(personId, account, wanted).bearer();
    }

    /** The person's username and password (enrolling them first if needed), for a browser-like sign-in. */
    String[] credentials(String personId) {
        Account account = accounts.computeIfAbsent(personId, this::enrol);
        return new String[] {account.username(), account.password()};
    }

    /** Signs in afresh (no cached token) and returns the roles the identity service gives now. */
    Set<String> currentRoles(String personId) {
        Account account = accounts.computeIfAbsent(personId, this::enrol);
        tokens.remove(personId);
        return roles(stack.signIn().signIn(account.username(), account.password()).bearer());
    }

    private Token token(String key, Account account, Set<String> wanted) {
        Token cached = tokens.get(key);
        if (cached != null && cached.roles().containsAll(wanted)
                && cached.at().plus(REFRESH_BEFORE).isAfter(Instant.now())) {
            return cached;
        }
        Instant deadline = Instant.now().plusSeconds(40);
        while (true) {
            String bearer = stack.signIn().signIn(account.username(), account.password()).bearer();
            Set<String> roles = roles(bearer);
            Token token = new Token(bearer, roles, Instant.now());
            if (roles.containsAll(wanted)) {
                tokens.put(key, token);
                return token;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the identity service never gave " + key + " the roles " + wanted
                        + " (has " + roles + "): did membership activate them with those roles?");
            }
            sleep(500);
        }
    }

    /**
     * A new enrolment link for the person, as a coordinator hands it over. The identity service issues links only
     * for people membership registered, which it learns from membership's events a moment after the registration:
     * until then it answers 404.
     */
    String enrolmentUrl(String personId) {
        JsonNode link = null;
        Instant deadline = Instant.now().plusSeconds(30);
        while (link == null) {
            try {
                link = send(HttpRequest.newBuilder(URI.create(stack.identityUrl() + "/api/identity/enrolments"))
                        .header("Authorization", coordinator()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"personId\":\"" + personId + "\"}")), 201);
            } catch (AssertionError notYetKnown) {
                if (!notYetKnown.getMessage().contains("answered 404") || Instant.now().isAfter(deadline)) {
                    throw notYetKnown;
                }
                sleep(200);
            }
        }
        return link.get("enrolmentUrl").asString();
    }

    private Account enrol(String personId) {
        String url = enrolmentUrl(personId);
        String token = url.substring(url.indexOf("token=") + "token=".length());
        Account account = new Account("p-" + UUID.randomUUID().toString().substring(0, 12),
                "pw-" + UUID.randomUUID());
        send(HttpRequest.newBuilder(URI.create(stack.identityUrl() + "/enrol"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\",\"username\":\""
                        + account.username() + "\",\"password\":\"" + account.password() + "\"}")), 201);
        return account;
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(request.build().uri().getPath() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return GatewayClient.JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode claims(String bearer) {
        String jwt = bearer.substring("Bearer ".length());
        String payload = jwt.split("\\.")[1];
        return GatewayClient.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static String subject(String bearer) {
        return claims(bearer).get("sub").asString();
    }

    private static Set<String> roles(String bearer) {
        Set<String> roles = new HashSet<>();
        JsonNode claim = claims(bearer).get("roles");
        if (claim != null) {
            claim.forEach(r -> roles.add(r.asString().toLowerCase(Locale.ROOT)));
        }
        return roles;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
