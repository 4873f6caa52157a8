package org.civictaskforce.systemtests.journey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackConfig;
import org.civictaskforce.devstack.DevstackService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the gateway costs: the same request with the same token, sent to membership-service's own port ("direct") and
 * through the gateway (rate limits off), on the system {@code ./run-local.sh} starts. For a request that needs no
 * database ({@code GET /api/membership/countries}) and one that does ({@code GET /api/membership/people?size=20}):
 * <ol>
 * <li>saturation: {@code benchmark.clients} clients (default 16) send back to back for {@code benchmark.seconds}
 * (default 20), direct and through the gateway, twice each, alternating; the requests per second of each;</li>
 * <li>moderate load: an open loop at half the direct saturation rate, again both ways alternating; the latency
 * p50/p99 of each and what the gateway adds.</li>
 * </ol>
 * Targets (issue 17): at saturation the gateway's rate ≥ 0.8 of the direct one for the trivial request and ≥ 0.9 for
 * the database one; at moderate load it adds ≤ 5 ms at p99. Asserts nothing: it prints a table and writes
 * {@code target/benchmarks/gateway-cost.md}. Tagged {@code benchmark}, excluded from the build; the command is in
 * docs/benchmarks.md. Load goes to loopback only, bounded in time. {@code benchmark.jvm} replaces the JVM options of
 * every service process (e.g. to add {@code -XX:StartFlightRecording} or to compare JIT settings).
 */
@Tag("benchmark")
class GatewayCostBenchmark {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4)).build();

    @Test
    void directAgainstThroughTheGateway() throws Exception {
        int clients = Integer.getInteger("benchmark.clients", 16);
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        StringBuilder report = new StringBuilder("Gateway cost, ").append(Instant.now()).append(", commit ")
                .append(System.getProperty("benchmark.label", "(unlabelled)")).append(", ").append(clients)
                .append(" clients, ").append(seconds).append(" s per measurement, load average at start ")
                .append(load()).append("\n\n");
        Path data = Files.createTempDirectory("civic-gateway-benchmark");
        DevstackConfig.Builder config = DevstackConfig.builder()
                .repoRoot(Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize()).dataDir(data)
                .randomPorts().readyTimeout(Duration.ofSeconds(240))
                .env(DevstackService.GATEWAY, "GATEWAY_RATE_LIMIT_ENABLED", "false");
        // the JVM options of every service process, to compare (e.g. C2 against the devstack's C1-only default)
        String jvm = System.getProperty("benchmark.jvm", "").trim();
        if (!jvm.isEmpty()) {
            config.jvmOptions(List.of(jvm.split("\\s+")));
            report.append("JVM options of every service: `").append(jvm).append("`\n\n");
        }
        try (Devstack stack = new Devstack(config.build()).start()) {
            Identities identities = new Identities(stack);
            GatewayClient coordinator = new GatewayClient(stack.gatewayUrl(), identities);
            for (int i = 0; i < 40; i++) {
                Members.activeExpert(coordinator, "Gateway bench " + i, "KG", "Asia/Bishkek");
            }
            String direct = stack.serviceUrl(DevstackService.MEMBERSHIP);
            String gateway = stack.gatewayUrl();
            report.append("| request | measure | direct | through the gateway | ratio / added |\n|---|---|---:|---:|---:|\n");
            for (String path : List.of("/api/membership/countries", "/api/membership/people?size=20")) {
                // warm-up, both ways (the JIT, the connection pools), not measured
                saturate(direct + path, identities.coordinator(), clients, 10);
                saturate(gateway + path, identities.coordinator(), clients, 10);
                double[] directRates = new double[2];
                double[] gatewayRates = new double[2];
                int directErrors = 0;
                int gatewayErrors = 0;
                for (int round = 0; round < 2; round++) {
                    Result d = saturate(direct + path, identities.coordinator(), clients, seconds);
                    Result g = saturate(gateway + path, identities.coordinator(), clients, seconds);
                    directRates[round] = d.rate();
                    gatewayRates[round] = g.rate();
                    directErrors += d.errors();
                    gatewayErrors += g.errors();
                }
                double directRate = Arrays.stream(directRates).average().orElse(0);
                double gatewayRate = Arrays.stream(gatewayRates).average().orElse(0);
                report.append(String.format(Locale.ROOT, "| `%s` | saturation, requests/s | %.0f (%.0f, %.0f) | %.0f (%.0f, %.0f) | **%.2f** |%n",
                        path, directRate, directRates[0], directRates[1], gatewayRate, gatewayRates[0],
                        gatewayRates[1], gatewayRate / directRate));
                int moderate = (int) Math.max(1, directRate / 2);
                Result directAt = paced(direct + path, identities.coordinator(), moderate, seconds);
                Result gatewayAt = paced(gateway + path, identities.coordinator(), moderate, seconds);
                report.append(String.format(Locale.ROOT, "| `%s` | %d requests/s: p50 / p99 ms | %.1f / %.1f | %.1f / %.1f | **+%.1f / +%.1f** |%n",
                        path, moderate, directAt.p(50), directAt.p(99), gatewayAt.p(50), gatewayAt.p(99),
                        gatewayAt.p(50) - directAt.p(50), gatewayAt.p(99) - directAt.p(99)));
                report.append(String.format(Locale.ROOT, "| `%s` | failed requests | %d | %d | |%n", path,
                        directErrors + directAt.errors(), gatewayErrors + gatewayAt.errors()));
            }
        }
        report.append("\nload average at end ").append(load()).append('\n');
        System.out.println(report);
        Path out = Path.of("target/benchmarks/gateway-cost.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Closed loop: {@code clients} threads send back to back for {@code seconds}. */
    private Result saturate(String url, String bearer, int clients, int seconds) throws Exception {
        Result result = new Result();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    send(url, bearer, result);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        result.seconds = seconds;
        return result;
    }

    /** Open loop: one request every 1/rate s, whatever the answers do (so queueing shows in the latency). */
    private Result paced(String url, String bearer, int rate, int seconds) throws Exception {
        Result result = new Result();
        int total = rate * seconds;
        ExecutorService senders = Executors.newFixedThreadPool(64);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        pacer.scheduleAtFixedRate(() -> {
            if (sent.getAndIncrement() < total) {
                senders.execute(() -> send(url, bearer, result));
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        pacer.awaitTermination(seconds + 1L, TimeUnit.SECONDS);
        pacer.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        result.seconds = seconds;
        return result;
    }

    private void send(String url, String bearer, Result result) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", bearer).header("Accept", "application/json").GET().build();
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            result.record(System.nanoTime() - start, response.statusCode() == 200);
        } catch (Exception e) {
            result.record(System.nanoTime() - start, false);
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    /** Latencies of the successful requests and the count of the others. */
    private static final class Result {
        private final List<Long> nanos = new ArrayList<>();
        private int errors;
        private int seconds;

        synchronized void record(long elapsed, boolean ok) {
            if (ok) {
                nanos.add(elapsed);
            } else {
                errors++;
            }
        }

        synchronized double rate() {
            return nanos.size() / (double) seconds;
        }

        synchronized int errors() {
            return errors;
        }

        synchronized double p(int percentile) {
            if (nanos.isEmpty()) {
                return Double.NaN;
            }
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
        }
    }
}
