package org.civictaskforce.systemtests.journey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.civictaskforce.platform.security.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the system the way a client does: HTTP to the gateway only. */
public final class GatewayClient {
    static final JsonMapper JSON = JsonMapper.builder().build();

    public record Answer(int status, String contentType, String correlationId, JsonNode body, String raw) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Identities identities;
    private final java.util.function.Supplier<String> authorization;

    /** A client signed in as the (bootstrap) coordinator. */
    public GatewayClient(String base, Identities identities) {
        this(base, identities, identities::coordinator);
    }

    private GatewayClient(String base, Identities identities, java.util.function.Supplier<String> authorization) {
        this.base = base;
        this.identities = identities;
        this.authorization = authorization;
    }

    /**
     * The same gateway, signed in (for real, at the identity service) as this person; waits until their
     * token carries these roles, which only membership can give them.
     */
    public GatewayClient as(String personId, Role... roles) {
        identities.bearer(personId, roles); // enrol and sign in now, so a missing role fails here
        return new GatewayClient(base, identities, () -> identities.bearer(personId, roles));
    }

    /** The same gateway, not signed in. */
    GatewayClient anonymous() {
        return new GatewayClient(base, identities, () -> null);
    }

    /** The subject the coordinator's token carries (recorded as the actor of their changes). */
    String coordinatorSubject() {
        return identities.coordinatorSubject();
    }

    /** The {@code Authorization} value this client sends now (signed in again before the token expires). */
    public String authorization() {
        return authorization.get();
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
    }

    public Answer post(String path, String json) {
        return post(path, json, null);
    }

    Answer post(String path, String json, String correlationId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request, correlationId);
    }

    /** A GET whose answer is kept as raw bytes (downloads), with the response headers. */
    HttpResponse<byte[]> download(String path) {
        try {
            return http.send(signed(HttpRequest.newBuilder(URI.create(base + path))).GET()
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("gateway did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)),
                null);
    }

    /** Opens a server-sent-event stream and hands each line to {@code lines} as it arrives. */
    java.util.concurrent.CompletableFuture<HttpResponse<Void>> stream(String path,
            java.util.function.Consumer<String> lines) {
        HttpRequest request = signed(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/event-stream")).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                new java.util.concurrent.Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        lines.accept(line);
                    }

                    @Override
                    public void onError(Throwable throwable) {
                    }

                    @Override
                    public void onComplete() {
                    }
                }));
    }

    private HttpRequest.Builder signed(HttpRequest.Builder request) {
        String value = authorization.get();
        if (value != null) {
            request.header("Authorization", value);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request, String correlationId) {
        signed(request);
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() || !raw.trim().startsWith("{") ? null : JSON.readTree(raw);
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("X-Correlation-Id").orElse(null), body, raw);
        } catch (IOException e) {
            throw new IllegalStateException("gateway did not answer " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
