package org.civictaskforce.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The runnable modules, in the order they are started (the gateway last): the one list of them. */
public enum DevstackService {
    MEMBERSHIP("membership-service", "membership", "MEMBERSHIP_URL", 8081),
    RESEARCH("research-service", "research", "RESEARCH_URL", 8082),
    STRATEGY("strategy-service", "strategy", "STRATEGY_URL", 8083),
    NOTIFICATION("notification-service", "notification", "NOTIFICATION_URL", 8084),
    IDENTITY("identity-service", "identity", "IDENTITY_URL", 9000),
    GATEWAY("gateway", "gateway", null, 8080);

    private final String module;
    private final String database;
    private final String urlVariable;
    private final int defaultPort;

    DevstackService(String module, String database, String urlVariable, int defaultPort) {
        this.module = module;
        this.database = database;
        this.urlVariable = urlVariable;
        this.defaultPort = defaultPort;
    }

    /** Maven module (folder) name, e.g. {@code membership-service}. */
    public String module() {
        return module;
    }

    /** Its own MongoDB database, e.g. {@code membership} (the gateway's holds its browser sessions). */
    public String database() {
        return database;
    }

    /** The gateway's environment variable that points at this service, e.g. {@code MEMBERSHIP_URL}. */
    public String urlVariable() {
        return urlVariable;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Environment variable of {@link DevstackConfig#fromEnvironment()} that sets the port, e.g. {@code DEVSTACK_MEMBERSHIP_PORT}. */
    public String portVariable() {
        return "DEVSTACK_" + name() + "_PORT";
    }

    /** {@code <repoRoot>/<module>/target/<module>.jar}. */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    /** The services started before the gateway: the four domain services and the identity service. */
    public static List<DevstackService> backends() {
        return List.of(MEMBERSHIP, RESEARCH, STRATEGY, NOTIFICATION, IDENTITY);
    }

    /** Accepts {@code membership}, {@code membership-service} or {@code MEMBERSHIP} (any case). */
    public static DevstackService parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (DevstackService s : values()) {
            if (s.module.equals(n) || s.name().toLowerCase(Locale.ROOT).equals(n)) {
                return s;
            }
        }
        throw new DevstackException("unknown service '" + name + "' (known: membership, research, strategy, notification, identity, gateway)");
    }
}
