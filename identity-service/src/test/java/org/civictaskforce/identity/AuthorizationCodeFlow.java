package org.civictaskforce.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OAuth2 authorization-code flow with PKCE exactly as a browser and a confidential client (the gateway)
 * go through it, with plain {@link HttpClient}s: redirects followed by hand, a cookie jar for the browser.
 *
 * <pre>
 * GET /oauth2/authorize → 302 /login → GET /login (CSRF token) → POST /login → 302 /oauth2/authorize
 * → 302 redirect_uri?code → POST /oauth2/token (client_secret_basic + code_verifier) → tokens
 * </pre>
 */
public final class AuthorizationCodeFlow {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;

    public AuthorizationCodeFlow(String baseUrl, String clientId, String clientSecret, String redirectUri) {
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    /** The tokens of one sign-in. */
    public record Tokens(String accessToken, String refreshToken, String idToken, JsonNode body) {
    }

    /** What the browser got from the authorization endpoint: a code, or the sign-in failed / was refused. */
    public record Authorization(String code, String codeVerifier, String failure, Browser browser) {
        public boolean succeeded() {
            return code != null;
        }
    }

    /** A browser: cookies kept, redirects not followed. */
    public static final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        public HttpResponse<String> get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
        }

        public HttpResponse<String> postForm(String url, Map<String, String> form) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
        }

        /** The CSRF token of the form on the page at {@code url}. */
        public String csrfOf(HttpResponse<String> page) {
            Matcher m = CSRF.matcher(page.body());
            if (!m.find()) {
                throw new AssertionError("no CSRF token on the page (" + page.statusCode() + ")");
            }
            return m.group(1);
        }

        public HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError("request failed: " + request.uri(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Signs in and exchanges the code: the whole flow; fails the test if any step does. */
    public Tokens signIn(String username, String password) {
        return signIn(username, password, null);
    }

    /** The whole flow with a one-time code in the sign-in form (none if null). */
    public Tokens signIn(String username, String password, String oneTimeCode) {
        Authorization authorization = authorize(username, password, oneTimeCode);
        if (!authorization.succeeded()) {
            throw new AssertionError("sign-in failed: " + authorization.failure());
        }
        HttpResponse<String> response = exchange(authorization.code(), authorization.codeVerifier(), clientSecret);
        if (response.statusCode() != 200) {
            throw new AssertionError("token request refused: " + response.statusCode() + " " + response.body());
        }
        return tokens(response);
    }

    /** The browser part: authorize, sign in, come back with a code (or not). */
    public Authorization authorize(String username, String password) {
        return authorize(username, password, null);
    }

    /** As {@link #authorize(String, String)}, with the sign-in form's one-time code field ({@code otp}) if not null. */
    public Authorization authorize(String username, String password, String oneTimeCode) {
        Browser browser = new Browser();
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(16);
        String authorize = authorizeUrl(state, challenge(verifier));
        HttpResponse<String> first = browser.get(authorize);
        String loginUrl = location(first).orElseThrow(() -> new AssertionError(
                "authorize did not redirect to the sign-in page: " + first.statusCode() + " " + first.body()));
        HttpResponse<String> loginPage = browser.get(absolute(loginUrl));
        Map<String, String> form = new LinkedHashMap<>(
                Map.of("username", username, "password", password, "_csrf", browser.csrfOf(loginPage)));
        if (oneTimeCode != null) {
            form.put("otp", oneTimeCode);
        }
        HttpResponse<String> posted = browser.postForm(baseUrl + "/login", form);
        String afterLogin = location(posted).orElse("");
        if (afterLogin.contains("/login?error") || posted.statusCode() != 302) {
            return new Authorization(null, verifier, "sign-in refused", browser);
        }
        HttpResponse<String> again = browser.get(absolute(afterLogin));
        String back = location(again).orElse("");
        Map<String, String> query = query(URI.create(back));
        if (!back.startsWith(redirectUri) || !state.equals(query.get("state")) || query.get("code") == null) {
            return new Authorization(null, verifier, "no code: " + again.statusCode() + " " + back, browser);
        }
        return new Authorization(query.get("code"), verifier, null, browser);
    }

    public String authorizeUrl(String state, String codeChallenge) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        params.put("scope", "openid");
        params.put("state", state);
        if (codeChallenge != null) {
            params.put("code_challenge", codeChallenge);
            params.put("code_challenge_method", "S256");
        }
        return baseUrl + "/oauth2/authorize?" + form(params);
    }

    /** The client part: code + verifier for tokens, authenticated with {@code secret} (client_secret_basic). */
    public HttpResponse<String> exchange(String code, String codeVerifier, String secret) {
        return tokenRequest(secret, Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "code_verifier", codeVerifier));
    }

    public HttpResponse<String> refresh(String refreshToken) {
        return tokenRequest(clientSecret, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private HttpResponse<String> tokenRequest(String secret, Map<String, String> form) {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return new Browser().send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    public static Tokens tokens(HttpResponse<String> response) {
        JsonNode body = JSON.readTree(response.body());
        return new Tokens(text(body, "access_token"), text(body, "refresh_token"), text(body, "id_token"), body);
    }

    /** The claims of a JWT, unverified (verify with the JWK set separately). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    public static JsonNode header(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
    }

    public static Optional<String> location(HttpResponse<?> response) {
        return response.headers().firstValue("Location");
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> result = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return result;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    public static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private String absolute(String url) {
        return url.startsWith("http") ? url : baseUrl + url;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
