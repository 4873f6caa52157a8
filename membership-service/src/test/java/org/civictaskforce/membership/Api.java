package org.civictaskforce.membership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.platform.security.TestTokens;

import tools.jackson.databind.JsonNode;

/** A tiny real-HTTP client for the service under test (no test-slice dependency needed). */
public final class Api {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    /** A client acting as a coordinator. */
    public Api(int port) {
        this(port, TestTokens.coordinator());
    }

    private Api(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    /** The same service, called with another {@code Authorization} value ({@code null}: no token). */
    public Api as(String authorization) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), authorization);
    }

    public record Response(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            return EventJson.MAPPER.readTree(raw.body());
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** Posts and insists on the expected status, so a test's setup fails where it breaks. */
    public Response expect(int status, Response response) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but was " + response.status() + ": " + response.body());
        }
        return response;
    }

    /** A registration body as the devstack sends it. */
    public static String person(String displayName, String email, String country, String language, String timeZone) {
        return """
                {"displayName":"%s","fullName":"%s Example","email":"%s","country":"%s","preferredLanguage":"%s","timeZone":"%s"}
                """.formatted(displayName, displayName, email, country, language, timeZone);
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
