package org.civictaskforce.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The devstack's secrets, generated once per data folder and kept in {@code <data>/secrets.properties}
 * (owner-readable only), so nothing secret is committed and a second start finds the same accounts:
 * the gateway's OAuth2 client secret, the bootstrap coordinator's password and the sample accounts'
 * passwords. Production sets its own through the environment (see the README).
 */
public final class DevstackSecrets {
    public static final String BOOTSTRAP_USERNAME = "coordinator";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path file;
    private final Properties values;

    private DevstackSecrets(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    public static synchronized DevstackSecrets in(Path dataDir) {
        Path file = dataDir.resolve("secrets.properties");
        Properties values = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DevstackSecrets(file, values);
    }

    public String gatewayClientSecret() {
        return value("gateway.client-secret");
    }

    public String bootstrapPassword() {
        return value("bootstrap.password");
    }

    /** The key that encrypts second-factor secrets at rest: 32 random bytes, base64. */
    public String secondFactorKey() {
        String value = values.getProperty("identity.second-factor-key");
        if (value == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            values.setProperty("identity.second-factor-key", Base64.getEncoder().encodeToString(bytes));
            save();
        }
        return values.getProperty("identity.second-factor-key");
    }

    /** The password of a sample account (generated the first time it is asked for). */
    public String samplePassword(String username) {
        return value("sample." + username + ".password");
    }

    /** Where the secrets are kept (the READY banner names it). */
    public Path file() {
        return file;
    }

    private synchronized String value(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            values.setProperty(key, value);
            save();
        }
        return value;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                values.store(out, "devstack secrets: generated, local only, never commit");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on other file systems
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
