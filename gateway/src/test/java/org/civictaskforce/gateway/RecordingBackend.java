package org.civictaskforce.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for the services: it records every request it receives and
 * answers 200 with a small JSON body, unless a test told it otherwise for a path.
 */
final class RecordingBackend {

    record RecordedRequest(String method, String path, String query, Headers headers, byte[] body) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private record Answer(int status, String json, Duration delay) {
    }

    private static final int DROP = -1;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "recording-backend");
        thread.setDaemon(true);
        return thread;
    });
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private RecordingBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static RecordingBackend start() {
        try {
            return new RecordingBackend();
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot start the test backend", e);
        }
    }

    /** Ports held by {@link #deadUrl()} for the whole test run. */
    private static final List<Socket> HELD_DEAD_PORTS = new CopyOnWriteArrayList<>();

    /**
     * A URL where nothing listens: connections are refused. The port stays bound (by a socket that never listens)
     * until the JVM ends, so no server started later can be given it. A port that was only found free and released
     * could be given to the very gateway under test, which then proxied to itself until its rate limit answered 429
     * (seen once in CI, in {@code BackendOutageTest}).
     */
    static String deadUrl() {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HELD_DEAD_PORTS.add(socket);
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(String path, int status, String json) {
        answers.put(path, new Answer(status, json, Duration.ZERO));
    }

    /** Requests to the path get no answer: the connection is closed. */
    void dropConnections(String path) {
        answers.put(path, new Answer(DROP, "", Duration.ZERO));
    }

    void answerSlowly(String path, Duration delay) {
        answers.put(path, new Answer(200, "{\"slow\":true}", delay));
    }

    List<RecordedRequest> requestsTo(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    void reset() {
        requests.clear();
        answers.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new RecordedRequest(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body));
            Answer answer = answers.getOrDefault(path,
                    new Answer(200, "{\"path\":\"" + path + "\"}", Duration.ZERO));
            if (answer.status() == DROP) {
                // the JDK server closes the connection of a handler that fails before answering
                throw new IOException("connection dropped on purpose");
            }
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay().toMillis());
            }
            byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            // like the services, which echo the correlation id they were given
            String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
            if (correlationId != null) {
                exchange.getResponseHeaders().set("X-Correlation-Id", correlationId);
            }
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(answer.status(), json.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(json);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
