package org.civictaskforce.systemtests.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackConfig;
import org.civictaskforce.devstack.DevstackService;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole system, started once for every end-to-end test class in this JVM (starting it takes a
 * minute): a real Kafka broker, the MongoDB-wire-compatible store and an SMTP sink in this JVM, and
 * each service and the gateway as its own OS process on free ports. Closed when the test run ends.
 */
public final class SystemUnderTest implements BeforeAllCallback {
    /** Reminder offsets of the running system (see {@link #stack()}). */
    public static final String REMINDER_OFFSETS = "30s,15s";

    private static Devstack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        stack();
    }

    public static synchronized Devstack stack() {
        if (stack == null) {
            Path repo = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
            Path data;
            try {
                data = Files.createTempDirectory("civic-system-tests");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stack = new Devstack(DevstackConfig.builder().repoRoot(repo).dataDir(data).randomPorts()
                    .readyTimeout(Duration.ofSeconds(240))
                    // every service sends its spans to the devstack's Zipkin, as with run-local.sh (TracesIT)
                    .zipkin(true)
                    // meeting reminders 30 s and 15 s ahead instead of 24 h and 1 h, so a journey can see them
                    .env(DevstackService.NOTIFICATION, "NOTIFICATION_REMINDERS_OFFSETS", REMINDER_OFFSETS)
                    .env(DevstackService.NOTIFICATION, "NOTIFICATION_REMINDERS_INTERVAL", "1s")
                    // consultation rounds are closed within a second of their deadline (default every 30 s)
                    .env(DevstackService.STRATEGY, "STRATEGY_CONSULTATION_CLOCK_INTERVAL", "1s")
                    .build()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "system-under-test-stop"));
        }
        return stack;
    }

    private static Identities identities;

    static synchronized Identities identities() {
        if (identities == null) {
            identities = new Identities(stack());
        }
        return identities;
    }

    /** A client signed in as the coordinator; {@link GatewayClient#as} and {@link GatewayClient#anonymous} for others. */
    public static GatewayClient gateway() {
        return new GatewayClient(stack().gatewayUrl(), identities());
    }
}
