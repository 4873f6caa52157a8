package org.civictaskforce.devstack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a person in at the identity service the way a browser and a confidential client do: the
 * authorization-code flow with PKCE (authorize → login form with its CSRF token → code → token).
 * Used by the devstack's sample-data loader and by the end-to-end tests; no password ever goes to a
 * service other than the identity service.
 */
public final class SignIn {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    /** The OAuth2 client the flow runs as (in the devstack: the gateway's registration). */
    public record Client(String issuer, String clientId, String clientSecret, String redirectUri) {
    }

    /** The tokens of a successful sign-in. */
    public record Tokens(String accessToken, String refreshToken, String idToken) {
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    private final Client client;

    public SignIn(Client client) {
        this.client = client;
    }

    /** Signs in with a username and password; fails with a clear message if any step is refused. */
    public Tokens signIn(String username, String password) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = random(32);
        String state = random(16);
        String authorize = client.issuer() + "/oauth2/authorize?" + form(Map.of("response_type", "code",
                "client_id", client.clientId(), "redirect_uri", client.redirectUri(), "scope", "openid",
                "state", state, "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> first = get(http, authorize);
        String loginPage = location(first, "authorize");
        HttpResponse<String> login = get(http, loginPage);
        String csrf = csrf(login.body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        HttpResponse<String> posted = post(http, loginPage, form(fields), null);
        String next = location(posted, "login");
        if (next.contains("error")) {
            throw new IllegalStateException("sign-in refused (wrong username or password, or account locked)");
        }
        String callback = next;
        for (int hops = 0; !callback.startsWith(client.redirectUri()) && hops < 5; hops++) {
            callback = location(get(http, callback), "authorize after login");
        }
        Map<String, String> answer = query(URI.create(callback).getRawQuery());
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new IllegalStateException("authorization answered without a code or with another state: "
                    + answer.getOrDefault("error", "?"));
        }
        String basic = Base64.getEncoder().encodeToString((client.clientId() + ":" + client.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = post(http, client.issuer() + "/oauth2/token", form(Map.of(
                "grant_type", "authorization_code", "code", answer.get("code"), "redirect_uri", client.redirectUri(),
                "code_verifier", verifier)), "Basic " + basic);
        if (token.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + token.statusCode());
        }
        JsonNode body = JSON.readTree(token.body());
        return new Tokens(body.path("access_token").asString(), body.path("refresh_token").asString(null),
                body.path("id_token").asString(null));
    }

    /** The CSRF token of a sign-in page ({@code _csrf} hidden field), or null. */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html == null ? "" : html);
        if (!m.find()) {
            return null;
        }
        return (m.group(1) != null ? m.group(1) : m.group(2)).replace("&#45;", "-").replace("&amp;", "&");
    }

    private String location(HttpResponse<String> response, String step) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException(step + " answered " + response.statusCode() + " instead of a redirect");
        }
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(step + " redirected nowhere"));
        return response.uri().resolve(location).toString();
    }

    private static HttpResponse<String> get(HttpClient http, String url) {
        return send(http, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static HttpResponse<String> post(HttpClient http, String url, String form, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(http, request);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("identity service did not answer " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code application/x-www-form-urlencoded} of these fields. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
