package org.civictaskforce.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-command local run: {@code java -cp "devstack/target/classes:devstack/target/lib/*"
 * org.civictaskforce.devstack.DevstackMain} from the repository root (see {@code run-local.sh}).
 * Configured with {@code DEVSTACK_*} variables ({@link DevstackConfig#fromEnvironment()}); also
 * {@code DEVSTACK_SAMPLE_DATA=false} skips the sample data, which is otherwise loaded by the bootstrap
 * coordinator, signed in at the identity service. Ctrl-C stops everything. Exit code 2: configuration or missing jars;
 * 1: something did not start.
 */
public final class DevstackMain {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final AtomicBoolean stopping = new AtomicBoolean();

    private DevstackMain() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Map<String, String> env = System.getenv();
        Path repo = Path.of(env.getOrDefault("DEVSTACK_REPO", "")).toAbsolutePath().normalize();
        Path data = env.containsKey("DEVSTACK_DATA") ? Path.of(env.get("DEVSTACK_DATA")).toAbsolutePath()
                : repo.resolve(".devstack-data");
        Path devstackLog = data.resolve("logs").resolve("devstack.log");
        routeLoggingTo(devstackLog); // before any class that has a logger is loaded

        DevstackConfig config;
        try {
            config = DevstackConfig.fromEnvironment(env, repo).progress(DevstackMain::progress).build();
        } catch (DevstackException e) {
            fail(2, e.getMessage());
            return;
        }
        List<Path> missing = config.missingJars();
        if (!missing.isEmpty()) {
            fail(2, "service jar(s) not built: " + missing.stream().map(p -> repo.relativize(p).toString()).toList()
                    + " — build them first with: ./mvnw -DskipTests package   (or run ./run-local.sh)");
            return;
        }

        progress("Civic Taskforce devstack — data in " + config.dataDir() + ", logs in " + config.dataDir().resolve("logs"));
        Devstack stack = new Devstack(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            boolean announce = !stack.isClosed() && stopping.compareAndSet(false, true);
            if (announce) {
                OUT.println();
                progress("stopping every service and the embedded servers …");
            }
            stack.close();
            if (announce) {
                progress("stopped.");
            }
            stopped.countDown();
        }, "devstack-shutdown"));

        try {
            stack.start();
        } catch (DevstackException e) {
            if (stopping.get()) {
                return; // Ctrl-C during start: the hook is stopping everything
            }
            stack.close();
            fail(1, e.getMessage());
            return;
        } catch (RuntimeException e) {
            if (stopping.get()) {
                return;
            }
            stack.close();
            fail(1, "devstack failed: " + e + " (details in " + devstackLog + ")");
            return;
        }

        if (config.services().contains(DevstackService.GATEWAY)
                && !"false".equalsIgnoreCase(env.getOrDefault("DEVSTACK_SAMPLE_DATA", "true"))) {
            progress("loading sample data through the gateway …");
            SampleData sample = new SampleData(stack.gatewayUrl()).onWarning(w -> progress("WARNING: " + w));
            try {
                // the loader acts as the bootstrap coordinator, signed in like anyone else
                sample.header("Authorization", stack.signIn()
                        .signIn(DevstackSecrets.BOOTSTRAP_USERNAME, stack.secrets().bootstrapPassword()).bearer());
                progress(sample.load().summary());
            } catch (RuntimeException e) {
                progress("WARNING: sample data not loaded: " + e.getMessage());
            }
        }

        OUT.println(banner(stack, Duration.ofNanos(System.nanoTime() - t0), devstackLog));
        watch(stack);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void routeLoggingTo(Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
                System.setProperty("org.slf4j.simpleLogger.logFile", logFile.toString());
            }
        } catch (IOException e) {
            // the log stays on stderr
        }
    }

    static String banner(Devstack stack, Duration took, Path devstackLog) {
        DevstackConfig c = stack.config();
        StringBuilder b = new StringBuilder();
        String line = "=".repeat(78);
        b.append('\n').append(line).append('\n');
        b.append(String.format(Locale.ROOT, "  Civic Taskforce is READY in %.0f s%n", took.toMillis() / 1000.0));
        b.append(line).append('\n');
        if (c.services().contains(DevstackService.GATEWAY)) {
            row(b, "Web client / gateway", stack.gatewayUrl() + "/");
            row(b, "", stack.gatewayUrl() + "/actuator/health");
        }
        if (c.services().contains(DevstackService.IDENTITY)) {
            row(b, "Sign in (identity)", stack.identityUrl() + "/login   user '" + DevstackSecrets.BOOTSTRAP_USERNAME
                    + "', password " + stack.secrets().bootstrapPassword());
            row(b, "", "(generated for this data folder, kept in " + stack.secrets().file() + ")");
        }
        for (DevstackService s : DevstackService.backends()) {
            if (c.services().contains(s)) {
                String url = stack.serviceUrl(s);
                row(b, s.module(), url + "/swagger-ui.html");
                row(b, "", url + "/actuator   (health: " + url + "/actuator/health)");
            }
        }
        for (DevstackService s : DevstackService.values()) {
            List<ServiceProcess> all = stack.replicas(s);
            if (all.size() > 1) {
                row(b, s.module() + " ×" + all.size(), all.stream().map(ServiceProcess::url).toList()
                        + (s == DevstackService.GATEWAY ? "" : "   (the gateway balances over them)"));
            }
        }
        row(b, "Mail sink (web view)", stack.mailWebUrl() + "   (JSON: " + stack.mailWebUrl() + "messages)");
        if (c.zipkin()) {
            row(b, "Traces (Zipkin)", stack.zipkinUrl() + "/zipkin/   (API: " + stack.zipkinUrl() + "/api/v2/traces)");
        }
        row(b, "SMTP", "localhost:" + stack.smtpPort());
        row(b, "Kafka bootstrap", stack.kafkaBootstrap());
        row(b, "MongoDB", stack.mongoUri("<membership|research|strategy|notification>"));
        row(b, "Data and logs", c.dataDir() + "  (logs/)");
        b.append("  ").append("-".repeat(76)).append('\n');
        Map<String, Duration> t = stack.timings();
        row(b, "Start times", "Kafka " + Devstack.seconds(t.get("Kafka broker"))
                + ", MongoDB store " + Devstack.seconds(t.get("MongoDB-compatible store"))
                + ", mail sink " + Devstack.seconds(t.get("mail sink"))
                + (t.containsKey("zipkin") ? ", Zipkin " + Devstack.seconds(t.get("zipkin")) : ""));
        for (DevstackService s : DevstackService.values()) {
            for (ServiceProcess p : stack.replicas(s)) {
                if (t.containsKey(p.name())) {
                    row(b, "", p.name() + " ready after " + Devstack.seconds(t.get(p.name())));
                }
            }
        }
        b.append("  Resident memory (RSS):\n");
        long total = 0;
        Map<String, Long> pids = stack.processIds();
        for (Map.Entry<String, OptionalLong> e : stack.residentMemory().entrySet()) {
            String name = e.getKey().equals("devstack")
                    ? "devstack JVM (Kafka, MongoDB store, SMTP)" : e.getKey();
            row(b, "  " + name, ProcessMemory.describe(e.getValue()) + "  (pid " + pids.get(e.getKey()) + ")");
            total += e.getValue().orElse(0);
        }
        row(b, "  total", ProcessMemory.describe(OptionalLong.of(total)));
        b.append(line).append('\n');
        b.append("  Press Ctrl-C to stop everything. devstack's own log: ").append(devstackLog).append('\n');
        return b.toString();
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "  %-44s %s%n", label, value));
    }

    /** Tells the user when a service dies after the start. */
    private static void watch(Devstack stack) {
        Thread watcher = new Thread(() -> {
            java.util.Set<String> reported = new java.util.HashSet<>();
            while (!stack.isClosed()) {
                for (ServiceProcess p : stack.processes().values()) {
                    if (!p.isAlive() && !stack.isClosed() && reported.add(p.name())) {
                        progress("WARNING: " + p.name() + " exited (code " + p.exitCode().orElse(-1)
                                + "); its log: " + p.logFile());
                    }
                }
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "devstack-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void progress(String message) {
        OUT.println("[devstack " + LocalTime.now().format(CLOCK) + "] " + message);
    }

    private static void fail(int code, String message) {
        System.err.println("devstack: " + message);
        System.exit(code);
    }
}
