package org.civictaskforce.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What one request costs at the edge, sequentially over real HTTP and without a service behind it:
 * a valid token checked ({@code /auth/me} answers from the token, so no proxying is measured), a
 * forged-signature token refused with 401, no token refused with 401, and a request refused by the
 * per-address bucket before any token is looked at (429). Asserts nothing;
 * prints a table and writes it to {@code target/benchmarks/edge-cost.txt}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // each row comes from its own address and stays within its burst; the last one empties it first
        "GATEWAY_RATE_LIMIT_CAPACITY=2000", "GATEWAY_RATE_LIMIT_REFILL_PER_SECOND=0.001",
        "GATEWAY_RATE_LIMIT_USER_CAPACITY=1000000", "GATEWAY_RATE_LIMIT_USER_REFILL_PER_SECOND=1000000",
        "server.forward-headers-strategy=native" })
@AutoConfigureWebTestClient
class EdgeCostBenchmark {

    static final int WARM_UP = 300;
    static final int MEASURED = 1000;
    static final RecordingBackend membership = RecordingBackend.start();

    @Autowired
    WebTestClient client;

    @Autowired
    org.civictaskforce.gateway.ratelimit.RateLimitProperties limits;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("MEMBERSHIP_URL", membership::url);
    }

    @Test
    void measure() throws IOException {
        String valid = TestTokens.bearer("p-bench", Role.MEMBER);
        String forged = valid.substring(0, valid.length() - 8) + "AAAAAAAA";
        List<String> rows = new ArrayList<>();
        rows.add("| request | answer | median µs | p95 µs |");
        rows.add("|---|---:|---:|---:|");
        rows.add(row("GET /auth/me without a token (baseline: no verification)", "200",
                () -> call("203.0.113.5", null, "/auth/me")));
        rows.add(row("GET /auth/me with a valid token (signature, expiry, issuer checked)", "200",
                () -> call("203.0.113.1", valid, "/auth/me")));
        rows.add(row("forged signature", "401", () -> call("203.0.113.2", forged)));
        rows.add(row("no token", "401", () -> call("203.0.113.3", null)));
        rows.add(row("refused by the address bucket (forged token, not checked)", "429",
                () -> call("203.0.113.4", forged)));
        String table = String.join("\n", rows);
        System.out.println(table);
        Path out = Path.of("target/benchmarks/edge-cost.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
    }

    private int call(String address, String authorization) {
        return call(address, authorization, "/api/membership/people");
    }

    private int call(String address, String authorization, String path) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri(path)
                .header("X-Forwarded-For", address);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.exchange().returnResult(byte[].class).getStatus().value();
    }

    private String row(String name, String expected, Supplier<Integer> request) {
        if ("429".equals(expected)) {
            exhaust();
        }
        for (int i = 0; i < WARM_UP; i++) {
            request.get();
        }
        List<Long> micros = new ArrayList<>(MEASURED);
        int status = 0;
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            status = request.get();
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        return "| %s | %d | %d | %d |".formatted(name, status, micros.get(MEASURED / 2),
                micros.get(MEASURED * 95 / 100));
    }

    /** Empties 203.0.113.4's bucket. */
    private void exhaust() {
        for (int i = 0; i < limits.capacity() + 1; i++) {
            if (call("203.0.113.4", null) == 429) {
                return;
            }
        }
    }
}
