package org.civictaskforce.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.civictaskforce.platform.testing.OffsetClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.JsonNode;

/** What the identity tests share: the client registration they use, a movable clock, small HTTP helpers. */
public final class IdentityTestSupport {
    public static final String CLIENT_ID = "civic-gateway";
    public static final String SECRET = "test-only-gateway-secret-4f1c";
    public static final String REDIRECT = "http://localhost:8080/login/oauth2/code/civic";
    public static final String BOOTSTRAP_USER = "Coordinator.One";
    public static final String BOOTSTRAP_PASSWORD = "bootstrap password for tests";
    /** 32 bytes, base64: test only. */
    public static final String SECOND_FACTOR_KEY = "dGVzdC1vbmx5LXNlY29uZC1mYWN0b3Ita2V5LTMyYiE=";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private IdentityTestSupport() {
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Clocks {
        @Bean
        OffsetClock clock() {
            return new OffsetClock();
        }
    }

    public static HttpResponse<String> call(String method, String url, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return AuthorizationCodeFlow.JSON.readTree(response.body());
    }

    /** A problem response: status, problem+json, the given type. */
    public static JsonNode problem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode body = json(response);
        assertThat(body.get("type").asString()).isEqualTo(type);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        return body;
    }


    static Map<String, String> form(String... pairs) {
        java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
