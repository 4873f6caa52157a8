package org.civictaskforce.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the {@link Devstack} needs to know. Build with {@link #builder()} or {@link #fromEnvironment()}.
 *
 * @param repoRoot            repository root; jars are read from {@code <repoRoot>/<module>/target/<module>.jar}
 * @param dataDir             Kafka log, document store file and process logs ({@code <dataDir>/logs})
 * @param servicePorts        HTTP port of every {@link DevstackService}
 * @param services            which services to start (empty: only Kafka, the store and the mail sink)
 * @param extraEnv            extra environment per service (applied after the standard variables)
 * @param readyTimeout        how long to wait for each service's readiness
 * @param jvmOptions          JVM options of every service process
 * @param classDataSharing    start every service from its extracted jar with a start-up archive
 *                            ({@link ClassDataArchive}; {@code DEVSTACK_CLASS_DATA_SHARING=false} turns it off)
 * @param mailKeep            how many mails the SMTP sink keeps, the newest ({@code 0}: all; {@code DEVSTACK_MAIL_KEEP},
 *                            2 000 for {@code run-local.sh})
 * @param progress            receives one-line progress messages (default: the log)
 * @param zipkinPort          port of the Zipkin server the devstack starts as its own process, which every service
 *                            sends its spans to; {@code 0}: no Zipkin, spans are not exported ({@code DEVSTACK_ZIPKIN_PORT},
 *                            9411, {@code DEVSTACK_ZIPKIN=false} for none; the builder's default is none)
 * @param replicas            how many processes of a service to run (default 1): the first on the service's port, the
 *                            others on free ports; the gateway balances over all of them ({@code DEVSTACK_REPLICAS},
 *                            e.g. {@code gateway=2,notification=2})
 */
public record DevstackConfig(Path repoRoot, Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort,
        int smtpPort, int mailWebPort, Map<DevstackService, Integer> servicePorts, Set<DevstackService> services,
        Map<DevstackService, Map<String, String>> extraEnv, Duration readyTimeout, List<String> jvmOptions,
        boolean classDataSharing, int mailKeep, Consumer<String> progress, int zipkinPort,
        Map<DevstackService, Integer> replicas) {
    private static final Logger log = LoggerFactory.getLogger(DevstackConfig.class);

    /**
     * The newest mails the SMTP sink keeps when started from the environment ({@code run-local.sh}): enough to read
     * a day's invitations in its web view, while a long load cannot fill the devstack JVM's heap with them.
     */
    public static final int MAIL_KEEP_LOCAL = 2_000;

    /** More processes of one service than a development machine sensibly runs. */
    static final int MAX_REPLICAS = 4;

    /** Where the build puts the Zipkin server's executable jar (devstack/pom.xml copies it from Maven Central). */
    public static final String ZIPKIN_JAR = "devstack/target/zipkin/zipkin-server.jar";

    public DevstackConfig {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(dataDir, "dataDir");
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        EnumMap<DevstackService, Integer> ports = new EnumMap<>(DevstackService.class);
        for (DevstackService s : DevstackService.values()) {
            ports.put(s, servicePorts.getOrDefault(s, s.defaultPort()));
        }
        servicePorts = Collections.unmodifiableMap(ports);
        services = services.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(DevstackService.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(services));
        EnumMap<DevstackService, Map<String, String>> env = new EnumMap<>(DevstackService.class);
        extraEnv.forEach((s, m) -> env.put(s, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        extraEnv = Collections.unmodifiableMap(env);
        readyTimeout = readyTimeout == null ? ServiceProcess.DEFAULT_READY_TIMEOUT : readyTimeout;
        jvmOptions = List.copyOf(jvmOptions);
        if (mailKeep < 0) {
            throw new DevstackException("the mail sink cannot keep " + mailKeep + " mails (0 keeps all)");
        }
        progress = progress == null ? msg -> log.info(msg) : progress;
        EnumMap<DevstackService, Integer> counts = new EnumMap<>(DevstackService.class);
        replicas.forEach((service, count) -> {
            if (count < 1 || count > MAX_REPLICAS) {
                throw new DevstackException("DEVSTACK_REPLICAS: " + service.module() + " cannot run " + count
                        + " processes (1 to " + MAX_REPLICAS + ")");
            }
            counts.put(service, count);
        });
        replicas = Collections.unmodifiableMap(counts);
    }

    /** How many processes of {@code service} the devstack runs. */
    public int replicas(DevstackService service) {
        return replicas.getOrDefault(service, 1);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().repoRoot(repoRoot).dataDir(dataDir).kafkaPort(kafkaPort)
                .kafkaControllerPort(kafkaControllerPort).mongoPort(mongoPort).smtpPort(smtpPort)
                .mailWebPort(mailWebPort).services(services).readyTimeout(readyTimeout)
                .jvmOptions(jvmOptions).classDataSharing(classDataSharing).mailKeep(mailKeep).progress(progress)
                .zipkinPort(zipkinPort);
        replicas.forEach(b::replicas);
        servicePorts.forEach(b::port);
        extraEnv.forEach((s, m) -> m.forEach((k, v) -> b.env(s, k, v)));
        return b;
    }

    /** The HTTP port of a service. */
    public int port(DevstackService service) {
        return servicePorts.get(service);
    }

    /** Jars of the selected services (and of Zipkin, when it is to run) that do not exist. */
    public List<Path> missingJars() {
        List<Path> missing = new ArrayList<>();
        for (DevstackService s : services) {
            if (!Files.isRegularFile(s.jar(repoRoot))) {
                missing.add(s.jar(repoRoot));
            }
        }
        if (zipkin() && !Files.isRegularFile(zipkinJar())) {
            missing.add(zipkinJar());
        }
        return missing;
    }

    /** Whether the devstack starts a Zipkin server and the services send it their spans. */
    public boolean zipkin() {
        return zipkinPort > 0;
    }

    public Path zipkinJar() {
        return repoRoot.resolve(ZIPKIN_JAR);
    }

    /** {@link #fromEnvironment(Map, Path)} with {@code System.getenv()} and the current directory. */
    public static DevstackConfig fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of("").toAbsolutePath()).build();
    }

    /**
     * Reads {@code DEVSTACK_*} variables: {@code DEVSTACK_REPO} (default: {@code currentDir}),
     * {@code DEVSTACK_DATA} (default {@code <repo>/.devstack-data}), {@code DEVSTACK_KAFKA_PORT} (9092),
     * {@code DEVSTACK_KAFKA_CONTROLLER_PORT} (9093), {@code DEVSTACK_MONGO_PORT} (27017),
     * {@code DEVSTACK_SMTP_PORT} (2525), {@code DEVSTACK_MAIL_WEB_PORT} (8025), {@code DEVSTACK_ZIPKIN_PORT} (9411;
     * {@code DEVSTACK_ZIPKIN=false} starts no Zipkin),
     * {@code DEVSTACK_GATEWAY_PORT} (8080), {@code DEVSTACK_MEMBERSHIP_PORT} (8081),
     * {@code DEVSTACK_RESEARCH_PORT} (8082), {@code DEVSTACK_STRATEGY_PORT} (8083),
     * {@code DEVSTACK_NOTIFICATION_PORT} (8084), {@code DEVSTACK_SERVICES} (comma separated, default all,
     * {@code none} for infrastructure only), {@code DEVSTACK_READY_TIMEOUT} (seconds, 180),
     * {@code DEVSTACK_SERVICE_JVM_OPTS} (space separated, replaces the default JVM options),
     * {@code DEVSTACK_REPLICAS} (processes per service, e.g. {@code gateway=2,notification=2}),
     * {@code DEVSTACK_MAIL_KEEP} (how many of the newest mails the SMTP sink keeps, {@value #MAIL_KEEP_LOCAL}; 0 for all) and
     * {@code DEVSTACK_ENV_<SERVICE|ALL>_<NAME>=value} (extra environment, e.g.
     * {@code DEVSTACK_ENV_NOTIFICATION_SPRING_PROFILES_ACTIVE=dev}).
     */
    public static Builder fromEnvironment(Map<String, String> env, Path currentDir) {
        Builder b = builder();
        Path repo = env.containsKey("DEVSTACK_REPO") ? Path.of(env.get("DEVSTACK_REPO")) : currentDir;
        b.repoRoot(repo);
        b.dataDir(env.containsKey("DEVSTACK_DATA") ? Path.of(env.get("DEVSTACK_DATA")) : repo.resolve(".devstack-data"));
        b.kafkaPort(port(env, "DEVSTACK_KAFKA_PORT", 9092));
        b.kafkaControllerPort(port(env, "DEVSTACK_KAFKA_CONTROLLER_PORT", 9093));
        b.mongoPort(port(env, "DEVSTACK_MONGO_PORT", 27017));
        b.smtpPort(port(env, "DEVSTACK_SMTP_PORT", 2525));
        b.mailWebPort(port(env, "DEVSTACK_MAIL_WEB_PORT", 8025));
        b.zipkinPort("false".equalsIgnoreCase(env.getOrDefault("DEVSTACK_ZIPKIN", "").trim()) ? 0
                : port(env, "DEVSTACK_ZIPKIN_PORT", 9411));
        for (DevstackService s : DevstackService.values()) {
            b.port(s, port(env, s.portVariable(), s.defaultPort()));
        }
        String services = env.get("DEVSTACK_SERVICES");
        if (services != null && !services.isBlank()) {
            if (services.trim().equalsIgnoreCase("none")) {
                b.services(List.of());
            } else {
                b.services(Arrays.stream(services.split(",")).filter(s -> !s.isBlank()).map(DevstackService::parse).toList());
            }
        }
        String timeout = env.get("DEVSTACK_READY_TIMEOUT");
        if (timeout != null && !timeout.isBlank()) {
            try {
                b.readyTimeout(Duration.ofSeconds(Long.parseLong(timeout.trim())));
            } catch (NumberFormatException e) {
                throw new DevstackException("DEVSTACK_READY_TIMEOUT must be a number of seconds, got '" + timeout + "'");
            }
        }
        String sharing = env.get("DEVSTACK_CLASS_DATA_SHARING");
        if (sharing != null && !sharing.isBlank()) {
            b.classDataSharing(!sharing.trim().equalsIgnoreCase("false"));
        }
        b.mailKeep(MAIL_KEEP_LOCAL);
        String keep = env.get("DEVSTACK_MAIL_KEEP");
        if (keep != null && !keep.isBlank()) {
            try {
                b.mailKeep(Integer.parseInt(keep.trim()));
            } catch (NumberFormatException e) {
                throw new DevstackException("DEVSTACK_MAIL_KEEP must be a number of mails, got '" + keep + "'");
            }
        }
        String replicas = env.get("DEVSTACK_REPLICAS");
        if (replicas != null && !replicas.isBlank()) {
            for (String entry : replicas.split(",")) {
                String[] pair = entry.split("=");
                if (entry.isBlank()) {
                    continue;
                }
                try {
                    b.replicas(DevstackService.parse(pair[0]), Integer.parseInt(pair[1].trim()));
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw new DevstackException("DEVSTACK_REPLICAS must look like gateway=2,notification=2, got '"
                            + replicas + "'");
                }
            }
        }
        String jvm = env.get("DEVSTACK_SERVICE_JVM_OPTS");
        if (jvm != null && !jvm.isBlank()) {
            b.jvmOptions(Arrays.asList(jvm.trim().split("\\s+")));
        }
        env.entrySet().stream()
                .filter(e -> e.getKey().startsWith("DEVSTACK_ENV_"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    String rest = e.getKey().substring("DEVSTACK_ENV_".length());
                    int underscore = rest.indexOf('_');
                    if (underscore <= 0 || underscore == rest.length() - 1) {
                        throw new DevstackException(e.getKey() + " must look like DEVSTACK_ENV_<SERVICE|ALL>_<NAME>");
                    }
                    String target = rest.substring(0, underscore);
                    String name = rest.substring(underscore + 1);
                    if (target.equals("ALL")) {
                        b.env(name, e.getValue());
                    } else {
                        b.env(DevstackService.parse(target), name, e.getValue());
                    }
                });
        return b;
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new DevstackException(name + " must be a port number (1-65535), got '" + value + "'");
        }
    }

    /** Builder for {@link DevstackConfig}; defaults are the well-known ports and all services. */
    public static final class Builder {
        private Path repoRoot = Path.of("").toAbsolutePath();
        private Path dataDir;
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private int mongoPort = 27017;
        private int smtpPort = 2525;
        private int mailWebPort = 8025;
        private final Map<DevstackService, Integer> servicePorts = new EnumMap<>(DevstackService.class);
        private Set<DevstackService> services = EnumSet.allOf(DevstackService.class);
        private final Map<DevstackService, Map<String, String>> extraEnv = new EnumMap<>(DevstackService.class);
        private Duration readyTimeout = ServiceProcess.DEFAULT_READY_TIMEOUT;
        private List<String> jvmOptions = ServiceProcess.DEFAULT_JVM_OPTIONS;
        private boolean classDataSharing = true;
        private int mailKeep;
        private Consumer<String> progress;
        private int zipkinPort;
        private final Map<DevstackService, Integer> replicas = new EnumMap<>(DevstackService.class);

        private Builder() {
        }

        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot;
            return this;
        }

        /** Default: {@code <repoRoot>/.devstack-data}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = port;
            return this;
        }

        public Builder mongoPort(int port) {
            this.mongoPort = port;
            return this;
        }

        public Builder smtpPort(int port) {
            this.smtpPort = port;
            return this;
        }

        public Builder mailWebPort(int port) {
            this.mailWebPort = port;
            return this;
        }

        public Builder port(DevstackService service, int port) {
            servicePorts.put(service, port);
            return this;
        }

        public Builder gatewayPort(int port) {
            return port(DevstackService.GATEWAY, port);
        }

        public Builder membershipPort(int port) {
            return port(DevstackService.MEMBERSHIP, port);
        }

        public Builder researchPort(int port) {
            return port(DevstackService.RESEARCH, port);
        }

        public Builder strategyPort(int port) {
            return port(DevstackService.STRATEGY, port);
        }

        public Builder notificationPort(int port) {
            return port(DevstackService.NOTIFICATION, port);
        }

        /**
         * Every port (Kafka, controller, store, SMTP, mail web, each service; Zipkin's if it is to run) free and chosen
         * at random.
         */
        public Builder randomPorts() {
            int[] p = Ports.freePorts(6 + DevstackService.values().length);
            kafkaPort = p[0];
            kafkaControllerPort = p[1];
            mongoPort = p[2];
            smtpPort = p[3];
            mailWebPort = p[4];
            zipkinPort = zipkinPort > 0 ? p[5] : 0;
            int i = 6;
            for (DevstackService s : DevstackService.values()) {
                servicePorts.put(s, p[i++]);
            }
            return this;
        }

        /** Which services to start (default: all five). */
        public Builder services(Collection<DevstackService> services) {
            this.services = services.isEmpty() ? EnumSet.noneOf(DevstackService.class) : EnumSet.copyOf(services);
            return this;
        }

        public Builder services(DevstackService... services) {
            return services(Arrays.asList(services));
        }

        /** Start only Kafka, the store and the mail sink. */
        public Builder infrastructureOnly() {
            return services(List.of());
        }

        /** An extra environment variable for one service. */
        public Builder env(DevstackService service, String name, String value) {
            extraEnv.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** An extra environment variable for every service and the gateway. */
        public Builder env(String name, String value) {
            for (DevstackService s : DevstackService.values()) {
                env(s, name, value);
            }
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /** JVM options of every service process (default {@link ServiceProcess#DEFAULT_JVM_OPTIONS}). */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** Whether services start with a start-up archive ({@link ClassDataArchive}; default true). */
        public Builder classDataSharing(boolean enabled) {
            this.classDataSharing = enabled;
            return this;
        }

        /** Receives one-line progress messages (e.g. {@code System.out::println}); default: the log. */
        /** How many of the newest mails the SMTP sink keeps; {@code 0} (the builder's default) keeps all. */
        public Builder mailKeep(int mails) {
            this.mailKeep = mails;
            return this;
        }

        /** Start a Zipkin server on this port and send it every service's spans; {@code 0}: none (the default). */
        public Builder zipkinPort(int port) {
            this.zipkinPort = port;
            return this;
        }

        /** Start a Zipkin server (on the port set before, else on a free one) or not. */
        public Builder zipkin(boolean enabled) {
            this.zipkinPort = !enabled ? 0 : zipkinPort > 0 ? zipkinPort : Ports.freePort();
            return this;
        }

        /** Run {@code count} processes of {@code service} (default 1); the gateway balances over them. */
        public Builder replicas(DevstackService service, int count) {
            replicas.put(service, count);
            return this;
        }

        public Builder progress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        public DevstackConfig build() {
            Path data = dataDir != null ? dataDir : repoRoot.resolve(".devstack-data");
            return new DevstackConfig(repoRoot, data, kafkaPort, kafkaControllerPort, mongoPort, smtpPort, mailWebPort,
                    servicePorts, services, extraEnv, readyTimeout, jvmOptions, classDataSharing, mailKeep, progress,
                    zipkinPort, replicas);
        }
    }
}
