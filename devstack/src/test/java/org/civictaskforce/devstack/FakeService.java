package org.civictaskforce.devstack;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Spring Boot service in tests (JDK classes only, so it can be packed into a jar
 * alone): answers {@code /actuator/health/readiness} with 200 and {@code /env} with its environment;
 * with {@code FAKE_FAIL=<code>} it prints some lines and exits with that code instead.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        String fail = System.getenv("FAKE_FAIL");
        if (fail != null) {
            for (int i = 1; i <= 40; i++) {
                System.out.println("fake startup line " + i);
            }
            System.err.println("APPLICATION FAILED TO START: pretend the database is unreachable");
            System.exit(Integer.parseInt(fail));
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/actuator/health/readiness", exchange -> send(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> {
            StringBuilder json = new StringBuilder("{");
            Map<String, String> env = new TreeMap<>(System.getenv());
            env.forEach((k, v) -> {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('"').append(escape(k)).append("\":\"").append(escape(v)).append('"');
            });
            send(exchange, json.append('}').toString());
        });
        server.start();
        System.out.println("fake service listening on " + port);
    }

    private static void send(HttpExchange exchange, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
                .replace("\r", "\\r");
    }
}
