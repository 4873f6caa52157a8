package org.civictaskforce.identity;

import static org.civictaskforce.identity.IdentityTestSupport.BOOTSTRAP_PASSWORD;
import static org.civictaskforce.identity.IdentityTestSupport.BOOTSTRAP_USER;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long sign-in takes against a running server (loopback HTTP, the wire-compatible store): the whole
 * authorization-code flow with PKCE (five HTTP round trips, one bcrypt check of the password and one of the
 * client secret), a refresh (one bcrypt check of the client secret), and {@code GET /api/identity/me} with a
 * bearer token (JWT signature check). Asserts nothing; prints and writes target/benchmarks/sign-in.txt.
 */
@Tag("benchmark")
class SignInBenchmark extends IdentityIntegrationTestBase {
    private static final int WARM_UP = 10;
    private static final int RUNS = 50;

    @Test
    void measure() throws IOException {
        StringBuilder out = new StringBuilder("| operation | runs | median ms | p95 ms |\n|---|---:|---:|---:|\n");
        out.append(row("full sign-in (authorize → login → code → token)",
                time(() -> flow.signIn(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD))));
        AuthorizationCodeFlow.Tokens tokens = flow.signIn(BOOTSTRAP_USER, BOOTSTRAP_PASSWORD);
        String[] refresh = { tokens.refreshToken() };
        out.append(row("refresh (rotating)", time(() -> {
            AuthorizationCodeFlow.Tokens next = AuthorizationCodeFlow.tokens(flow.refresh(refresh[0]));
            refresh[0] = next.refreshToken();
            return next;
        })));
        out.append(row("GET /api/identity/me (bearer)",
                time(() -> IdentityTestSupport.call("GET", base + "/api/identity/me", tokens.accessToken(), null))));
        Path file = Path.of("target", "benchmarks", "sign-in.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println(out);
    }

    private static List<Double> time(Supplier<?> operation) {
        for (int i = 0; i < WARM_UP; i++) {
            operation.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            operation.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis;
    }

    private static String row(String name, List<Double> sorted) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f |%n", name, sorted.size(), sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1));
    }
}
