package org.civictaskforce.systemtests.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.platform.security.TestTokens;
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
            stack = new Devstack(Devstack.Config.builder().repoRoot(repo).dataDir(data).randomPorts()
                    .readyTimeout(Duration.ofSeconds(240))
                    // meeting reminders 30 s and 15 s ahead instead of 24 h and 1 h, so a journey can see them
                    .env(Devstack.Service.NOTIFICATION, "NOTIFICATION_REMINDERS_OFFSETS", REMINDER_OFFSETS)
                    .env(Devstack.Service.NOTIFICATION, "NOTIFICATION_REMINDERS_INTERVAL", "1s")
                    // consultation rounds are closed within a second of their deadline (default every 30 s)
                    .env(Devstack.Service.STRATEGY, "STRATEGY_CONSULTATION_CLOCK_INTERVAL", "1s")
                    // services trust tokens signed with the test-only key (TestTokens); gateway passes them on
                    .env(Devstack.Service.MEMBERSHIP, "PLATFORM_SECURITY_PUBLICKEYLOCATION", testKey(repo))
                    .env(Devstack.Service.RESEARCH, "PLATFORM_SECURITY_PUBLICKEYLOCATION", testKey(repo))
                    .env(Devstack.Service.STRATEGY, "PLATFORM_SECURITY_PUBLICKEYLOCATION", testKey(repo))
                    .env(Devstack.Service.NOTIFICATION, "PLATFORM_SECURITY_PUBLICKEYLOCATION", testKey(repo))
                    .env(Devstack.Service.MEMBERSHIP, "IDENTITY_ISSUER", TestTokens.ISSUER)
                    .env(Devstack.Service.RESEARCH, "IDENTITY_ISSUER", TestTokens.ISSUER)
                    .env(Devstack.Service.STRATEGY, "IDENTITY_ISSUER", TestTokens.ISSUER)
                    .env(Devstack.Service.NOTIFICATION, "IDENTITY_ISSUER", TestTokens.ISSUER)
                    .build()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "system-under-test-stop"));
        }
        return stack;
    }

    private static String testKey(Path repo) {
        return repo.resolve("platform-kit/src/test/resources/test-jwt/public.pem").toUri().toString();
    }

    /** A client acting as a coordinator; {@link GatewayClient#as} and {@link GatewayClient#anonymous} for others. */
    public static GatewayClient gateway() {
        return new GatewayClient(stack().gatewayUrl());
    }
}
