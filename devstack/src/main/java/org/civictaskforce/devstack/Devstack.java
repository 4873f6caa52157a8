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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine without Docker: a real Kafka broker (in this JVM), a
 * MongoDB-compatible store persisted to the data folder (in this JVM), an SMTP sink with a web view
 * (in this JVM), then every service and the gateway as their own processes.
 *
 * <pre>{@code
 * Devstack.Config config = Devstack.Config.builder()
 *         .repoRoot(repo)                 // where <module>/target/<module>.jar are
 *         .dataDir(tempDir)
 *         .randomPorts()                  // every port free and random
 *         .env(Devstack.Service.NOTIFICATION, "REMINDER_INTERVAL", "PT1S")
 *         .build();
 * try (Devstack stack = new Devstack(config).start()) {
 *     String gateway = stack.gatewayUrl();
 *     List<MailMessage> mails = stack.mailMessages();
 * }
 * }</pre>
 *
 * {@link #start()} first checks that every port is free and fails with a message naming the port,
 * what wanted it and the variable that moves it. {@link #close()} stops everything in reverse order.
 */
public class Devstack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Devstack.class);

    /** The runnable modules, in the order they are started (the gateway last). */
    public enum Service {
        MEMBERSHIP("membership-service", "membership", "MEMBERSHIP_URL", 8081),
        RESEARCH("research-service", "research", "RESEARCH_URL", 8082),
        STRATEGY("strategy-service", "strategy", "STRATEGY_URL", 8083),
        NOTIFICATION("notification-service", "notification", "NOTIFICATION_URL", 8084),
        IDENTITY("identity-service", "identity", "IDENTITY_URL", 9000),
        GATEWAY("gateway", null, null, 8080);

        private final String module;
        private final String database;
        private final String urlVariable;
        private final int defaultPort;

        Service(String module, String database, String urlVariable, int defaultPort) {
            this.module = module;
            this.database = database;
            this.urlVariable = urlVariable;
            this.defaultPort = defaultPort;
        }

        /** Maven module (folder) name, e.g. {@code membership-service}. */
        public String module() {
            return module;
        }

        /** Its own MongoDB database, e.g. {@code membership}; {@code null} for the gateway. */
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

        /** Environment variable of {@link Config#fromEnvironment()} that sets the port, e.g. {@code DEVSTACK_MEMBERSHIP_PORT}. */
        public String portVariable() {
            return "DEVSTACK_" + name() + "_PORT";
        }

        /** {@code <repoRoot>/<module>/target/<module>.jar}. */
        public Path jar(Path repoRoot) {
            return repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
        }

        /** The services started before the gateway: the four domain services and the identity service. */
        public static List<Service> backends() {
            return List.of(MEMBERSHIP, RESEARCH, STRATEGY, NOTIFICATION, IDENTITY);
        }

        /** Accepts {@code membership}, {@code membership-service} or {@code MEMBERSHIP} (any case). */
        public static Service parse(String name) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            for (Service s : values()) {
                if (s.module.equals(n) || s.name().toLowerCase(Locale.ROOT).equals(n)) {
                    return s;
                }
            }
            throw new DevstackException("unknown service '" + name + "' (known: membership, research, strategy, notification, identity, gateway)");
        }
    }

    /**
     * Everything the stack needs to know. Build with {@link #builder()} or {@link #fromEnvironment()}.
     *
     * @param repoRoot            repository root; jars are read from {@code <repoRoot>/<module>/target/<module>.jar}
     * @param dataDir             Kafka log, document store file and process logs ({@code <dataDir>/logs})
     * @param servicePorts        HTTP port of every {@link Service}
     * @param services            which services to start (empty: only Kafka, the store and the mail sink)
     * @param extraEnv            extra environment per service (applied after the standard variables)
     * @param readyTimeout        how long to wait for each service's readiness
     * @param jvmOptions          JVM options of every service process
     * @param progress            receives one-line progress messages (default: the log)
     */
    public record Config(Path repoRoot, Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort,
                         int smtpPort, int mailWebPort, Map<Service, Integer> servicePorts, Set<Service> services,
                         Map<Service, Map<String, String>> extraEnv, Duration readyTimeout, List<String> jvmOptions,
                         Consumer<String> progress) {

        public Config {
            Objects.requireNonNull(repoRoot, "repoRoot");
            Objects.requireNonNull(dataDir, "dataDir");
            repoRoot = repoRoot.toAbsolutePath().normalize();
            dataDir = dataDir.toAbsolutePath().normalize();
            EnumMap<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                ports.put(s, servicePorts.getOrDefault(s, s.defaultPort()));
            }
            servicePorts = Collections.unmodifiableMap(ports);
            services = services.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Service.class))
                    : Collections.unmodifiableSet(EnumSet.copyOf(services));
            EnumMap<Service, Map<String, String>> env = new EnumMap<>(Service.class);
            extraEnv.forEach((s, m) -> env.put(s, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
            extraEnv = Collections.unmodifiableMap(env);
            readyTimeout = readyTimeout == null ? ServiceProcess.DEFAULT_READY_TIMEOUT : readyTimeout;
            jvmOptions = List.copyOf(jvmOptions);
            progress = progress == null ? msg -> log.info(msg) : progress;
        }

        public static Builder builder() {
            return new Builder();
        }

        public Builder toBuilder() {
            Builder b = new Builder().repoRoot(repoRoot).dataDir(dataDir).kafkaPort(kafkaPort)
                    .kafkaControllerPort(kafkaControllerPort).mongoPort(mongoPort).smtpPort(smtpPort)
                    .mailWebPort(mailWebPort).services(services).readyTimeout(readyTimeout)
                    .jvmOptions(jvmOptions).progress(progress);
            servicePorts.forEach(b::port);
            extraEnv.forEach((s, m) -> m.forEach((k, v) -> b.env(s, k, v)));
            return b;
        }

        /** The HTTP port of a service. */
        public int port(Service service) {
            return servicePorts.get(service);
        }

        /** Jars of the selected services that do not exist. */
        public List<Path> missingJars() {
            List<Path> missing = new ArrayList<>();
            for (Service s : services) {
                if (!Files.isRegularFile(s.jar(repoRoot))) {
                    missing.add(s.jar(repoRoot));
                }
            }
            return missing;
        }

        /** {@link #fromEnvironment(Map, Path)} with {@code System.getenv()} and the current directory. */
        public static Config fromEnvironment() {
            return fromEnvironment(System.getenv(), Path.of("").toAbsolutePath()).build();
        }

        /**
         * Reads {@code DEVSTACK_*} variables: {@code DEVSTACK_REPO} (default: {@code currentDir}),
         * {@code DEVSTACK_DATA} (default {@code <repo>/.devstack-data}), {@code DEVSTACK_KAFKA_PORT} (9092),
         * {@code DEVSTACK_KAFKA_CONTROLLER_PORT} (9093), {@code DEVSTACK_MONGO_PORT} (27017),
         * {@code DEVSTACK_SMTP_PORT} (2525), {@code DEVSTACK_MAIL_WEB_PORT} (8025),
         * {@code DEVSTACK_GATEWAY_PORT} (8080), {@code DEVSTACK_MEMBERSHIP_PORT} (8081),
         * {@code DEVSTACK_RESEARCH_PORT} (8082), {@code DEVSTACK_STRATEGY_PORT} (8083),
         * {@code DEVSTACK_NOTIFICATION_PORT} (8084), {@code DEVSTACK_SERVICES} (comma separated, default all,
         * {@code none} for infrastructure only), {@code DEVSTACK_READY_TIMEOUT} (seconds, 180),
         * {@code DEVSTACK_SERVICE_JVM_OPTS} (space separated, replaces the default JVM options) and
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
            for (Service s : Service.values()) {
                b.port(s, port(env, s.portVariable(), s.defaultPort()));
            }
            String services = env.get("DEVSTACK_SERVICES");
            if (services != null && !services.isBlank()) {
                if (services.trim().equalsIgnoreCase("none")) {
                    b.services(List.of());
                } else {
                    b.services(Arrays.stream(services.split(",")).filter(s -> !s.isBlank()).map(Service::parse).toList());
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
                            b.env(Service.parse(target), name, e.getValue());
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
    }

    /** Builder for {@link Config}; defaults are the well-known ports and all services. */
    public static final class Builder {
        private Path repoRoot = Path.of("").toAbsolutePath();
        private Path dataDir;
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private int mongoPort = 27017;
        private int smtpPort = 2525;
        private int mailWebPort = 8025;
        private final Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        private Set<Service> services = EnumSet.allOf(Service.class);
        private final Map<Service, Map<String, String>> extraEnv = new EnumMap<>(Service.class);
        private Duration readyTimeout = ServiceProcess.DEFAULT_READY_TIMEOUT;
        private List<String> jvmOptions = ServiceProcess.DEFAULT_JVM_OPTIONS;
        private Consumer<String> progress;

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

        public Builder port(Service service, int port) {
            servicePorts.put(service, port);
            return this;
        }

        public Builder gatewayPort(int port) {
            return port(Service.GATEWAY, port);
        }

        public Builder membershipPort(int port) {
            return port(Service.MEMBERSHIP, port);
        }

        public Builder researchPort(int port) {
            return port(Service.RESEARCH, port);
        }

        public Builder strategyPort(int port) {
            return port(Service.STRATEGY, port);
        }

        public Builder notificationPort(int port) {
            return port(Service.NOTIFICATION, port);
        }

        /** Every port (Kafka, controller, store, SMTP, mail web, each service) free and chosen at random. */
        public Builder randomPorts() {
            int[] p = Ports.freePorts(5 + Service.values().length);
            kafkaPort = p[0];
            kafkaControllerPort = p[1];
            mongoPort = p[2];
            smtpPort = p[3];
            mailWebPort = p[4];
            int i = 5;
            for (Service s : Service.values()) {
                servicePorts.put(s, p[i++]);
            }
            return this;
        }

        /** Which services to start (default: all five). */
        public Builder services(Collection<Service> services) {
            this.services = services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services);
            return this;
        }

        public Builder services(Service... services) {
            return services(Arrays.asList(services));
        }

        /** Start only Kafka, the store and the mail sink. */
        public Builder infrastructureOnly() {
            return services(List.of());
        }

        /** An extra environment variable for one service. */
        public Builder env(Service service, String name, String value) {
            extraEnv.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** An extra environment variable for every service and the gateway. */
        public Builder env(String name, String value) {
            for (Service s : Service.values()) {
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

        /** Receives one-line progress messages (e.g. {@code System.out::println}); default: the log. */
        public Builder progress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        public Config build() {
            Path data = dataDir != null ? dataDir : repoRoot.resolve(".devstack-data");
            return new Config(repoRoot, data, kafkaPort, kafkaControllerPort, mongoPort, smtpPort, mailWebPort,
                    servicePorts, services, extraEnv, readyTimeout, jvmOptions, progress);
        }
    }

    // ====================================================================== the stack

    private final Config config;
    private final KafkaBroker kafka;
    private final DocumentStore documentStore;
    private final MailSink mailSink;
    private final DevstackSecrets secrets;
    private final Map<Service, ServiceProcess> processes = Collections.synchronizedMap(new EnumMap<>(Service.class));
    private final Map<String, Duration> timings = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean started;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    public Devstack(Config config) {
        this.config = config;
        this.kafka = new KafkaBroker(config.dataDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort());
        this.documentStore = new DocumentStore(config.dataDir().resolve("mongo"), config.mongoPort());
        this.mailSink = new MailSink(config.smtpPort(), config.mailWebPort());
        this.secrets = DevstackSecrets.in(config.dataDir());
    }

    /**
     * Checks the ports and the jars, then starts Kafka, the store, the mail sink, the four services
     * (together) and the gateway, each waited for. On failure everything started so far is stopped and
     * a {@link DevstackException} with a one-line reason (plus the log tail of a failed service) is thrown.
     */
    public synchronized Devstack start() {
        if (started) {
            return this;
        }
        if (closed.get()) {
            throw new IllegalStateException("this Devstack was closed; create a new one");
        }
        started = true;
        long t0 = System.nanoTime();
        try {
            checkPorts();
            List<Path> missing = config.missingJars();
            if (!missing.isEmpty()) {
                throw new DevstackException("service jar(s) missing: " + missing.stream()
                        .map(p -> config.repoRoot().relativize(p).toString()).toList()
                        + " — build them first: ./mvnw -DskipTests package");
            }
            timed("Kafka broker", kafka::start, () -> "Kafka broker on " + kafka.bootstrapServers());
            timed("MongoDB-compatible store", documentStore::start,
                    () -> "MongoDB-compatible store on " + documentStore.connectionString());
            timed("mail sink", mailSink::start,
                    () -> "SMTP sink on localhost:" + mailSink.smtpPort() + ", web view " + mailSink.webUrl());
            startServices(Service.backends().stream().filter(config.services()::contains).toList());
            if (config.services().contains(Service.GATEWAY)) {
                startServices(List.of(Service.GATEWAY));
            }
        } catch (RuntimeException e) {
            close();
            throw e instanceof DevstackException ? e : new DevstackException("devstack failed to start: " + e, e);
        }
        timings.put("total", Duration.ofNanos(System.nanoTime() - t0));
        return this;
    }

    private void timed(String what, Runnable action, java.util.function.Supplier<String> description) {
        long t = System.nanoTime();
        config.progress().accept("starting " + what + " …");
        action.run();
        Duration took = Duration.ofNanos(System.nanoTime() - t);
        timings.put(what, took);
        config.progress().accept(description.get() + " ready in " + seconds(took));
    }

    /** Fails with a clear message when a port is taken or used twice. */
    void checkPorts() {
        Map<Integer, String[]> wanted = new LinkedHashMap<>();
        want(wanted, config.kafkaPort(), "Kafka broker", "DEVSTACK_KAFKA_PORT");
        want(wanted, config.kafkaControllerPort(), "Kafka controller", "DEVSTACK_KAFKA_CONTROLLER_PORT");
        want(wanted, config.mongoPort(), "MongoDB-compatible store", "DEVSTACK_MONGO_PORT");
        want(wanted, config.smtpPort(), "SMTP mail sink", "DEVSTACK_SMTP_PORT");
        want(wanted, config.mailWebPort(), "mail sink web view", "DEVSTACK_MAIL_WEB_PORT");
        for (Service s : config.services()) {
            want(wanted, config.port(s), s.module(), s.portVariable());
        }
        for (Map.Entry<Integer, String[]> e : wanted.entrySet()) {
            if (!Ports.isFree(e.getKey())) {
                throw new DevstackException("port " + e.getKey() + " (" + e.getValue()[0]
                        + ") is already in use — stop what holds it or set " + e.getValue()[1]);
            }
        }
    }

    private static void want(Map<Integer, String[]> wanted, int port, String what, String variable) {
        String[] previous = wanted.putIfAbsent(port, new String[] {what, variable});
        if (previous != null) {
            throw new DevstackException("port " + port + " is configured for both " + previous[0] + " and " + what
                    + " — set " + previous[1] + " or " + variable + " to another port");
        }
    }

    private void startServices(List<Service> services) {
        if (services.isEmpty()) {
            return;
        }
        for (Service s : services) {
            ServiceProcess process = new ServiceProcess(s.module(),
                    ServiceProcess.javaCommand(s.jar(config.repoRoot()), config.jvmOptions()),
                    config.port(s), environment(s), config.dataDir().resolve("logs").resolve(s.module() + ".log"));
            processes.put(s, process);
            if (closed.get()) {
                throw new DevstackException("devstack was stopped while starting");
            }
            config.progress().accept("starting " + s.module() + " on port " + config.port(s) + " …");
            process.start();
        }
        ExecutorService pool = Executors.newFixedThreadPool(services.size(), r -> {
            Thread t = new Thread(r, "devstack-await");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<Service> completion = new ExecutorCompletionService<>(pool);
            for (Service s : services) {
                ServiceProcess process = processes.get(s);
                completion.submit(() -> {
                    long t = System.nanoTime();
                    process.awaitReady(config.readyTimeout());
                    timings.put(s.module(), Duration.ofNanos(System.nanoTime() - t));
                    return s;
                });
            }
            for (int i = 0; i < services.size(); i++) {
                Future<Service> done = completion.take();
                try {
                    Service s = done.get();
                    config.progress().accept(s.module() + " ready on " + processes.get(s).url()
                            + " in " + seconds(timings.get(s.module())));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw cause instanceof RuntimeException re ? re : new DevstackException(cause.toString(), cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while starting services", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The environment a service process gets (without SERVER_PORT, which {@link ServiceProcess} adds). */
    public Map<String, String> environment(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
        // every process checks tokens against the identity service; only it and the gateway know the client secret
        env.put("IDENTITY_ISSUER", identityUrl());
        env.put("IDENTITY_JWKS_URI", identityUrl() + "/oauth2/jwks");
        if (service == Service.GATEWAY || service == Service.IDENTITY) {
            env.put("IDENTITY_GATEWAY_CLIENT_SECRET", secrets.gatewayClientSecret());
            env.put("IDENTITY_GATEWAY_REDIRECT_URIS", gatewayUrl() + "/login/oauth2/code/civic");
            env.put("IDENTITY_GATEWAY_POST_LOGOUT_REDIRECT_URIS", gatewayUrl() + "/");
        }
        if (service == Service.IDENTITY) {
            env.put("IDENTITY_BOOTSTRAP_USERNAME", DevstackSecrets.BOOTSTRAP_USERNAME);
            env.put("IDENTITY_BOOTSTRAP_PASSWORD", secrets.bootstrapPassword());
            env.put("IDENTITY_SECOND_FACTOR_KEY", secrets.secondFactorKey());
        }
        if (service == Service.GATEWAY) {
            env.put("IDENTITY_TOKEN_URI", identityUrl() + "/oauth2/token");
            for (Service backend : Service.backends()) {
                env.put(backend.urlVariable(), serviceUrl(backend));
            }
        } else {
            env.put("MONGODB_URI", mongoUri(service.database()));
            env.put("SMTP_HOST", "localhost");
            env.put("SMTP_PORT", String.valueOf(config.smtpPort()));
        }
        env.putAll(config.extraEnv().getOrDefault(service, Map.of()));
        return env;
    }

    /**
     * Stops every service (gateway first), the mail sink, the store and Kafka. Safe to call more than
     * once and from another thread while {@link #start()} is still running (e.g. a shutdown hook).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Runnable> steps = new ArrayList<>();
        ServiceProcess gateway = processes.get(Service.GATEWAY);
        if (gateway != null) {
            steps.add(gateway::stop);
        }
        List<ServiceProcess> backends = Service.backends().stream().map(processes::get).filter(Objects::nonNull).toList();
        if (!backends.isEmpty()) {
            steps.add(() -> stopTogether(backends));
        }
        steps.add(mailSink::stop);
        steps.add(documentStore::stop);
        steps.add(kafka::stop);
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                log.warn("error while stopping devstack: {}", e.toString());
            }
        }
    }

    private static void stopTogether(List<ServiceProcess> services) {
        List<Thread> threads = new ArrayList<>();
        for (ServiceProcess service : services) {
            Thread t = new Thread(service::stop, "devstack-stop-" + service.name());
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One free TCP port (see {@link Ports} for several at once). */
    public static int freePort() {
        return Ports.freePort();
    }

    // ---------------------------------------------------------------- accessors

    public Config config() {
        return config;
    }

    /** {@code http://localhost:<gateway port>}. */
    public String identityUrl() {
        return serviceUrl(Service.IDENTITY);
    }

    /** The generated secrets of this data folder (client secret, bootstrap coordinator's password). */
    public DevstackSecrets secrets() {
        return secrets;
    }

    /** Signs a person in at the identity service as the gateway's client does (authorization code + PKCE). */
    public SignIn signIn() {
        return new SignIn(new SignIn.Client(identityUrl(), "civic-gateway", secrets.gatewayClientSecret(),
                gatewayUrl() + "/login/oauth2/code/civic"));
    }

    public String gatewayUrl() {
        return serviceUrl(Service.GATEWAY);
    }

    /** {@code http://localhost:<port>} of a service (started or not). */
    public String serviceUrl(Service service) {
        return "http://localhost:" + config.port(service);
    }

    /** {@code localhost:<kafka port>}. */
    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** {@code mongodb://localhost:<port>/<database>}. */
    public String mongoUri(String database) {
        return documentStore.uri(database);
    }

    /** Mails received by the SMTP sink so far (read from GreenMail directly), oldest first. */
    public List<MailMessage> mailMessages() {
        return mailSink.messages();
    }

    public int smtpPort() {
        return config.smtpPort();
    }

    /** {@code http://localhost:<mail web port>/}. */
    public String mailWebUrl() {
        return mailSink.webUrl();
    }

    public KafkaBroker kafkaBroker() {
        return kafka;
    }

    public DocumentStore documentStore() {
        return documentStore;
    }

    public MailSink mailSink() {
        return mailSink;
    }

    /** The started service processes (none before {@link #start()}). */
    public Map<Service, ServiceProcess> processes() {
        synchronized (processes) {
            EnumMap<Service, ServiceProcess> copy = new EnumMap<>(Service.class);
            copy.putAll(processes);
            return Collections.unmodifiableMap(copy);
        }
    }

    /** The process of a started service, or {@code null}. */
    public ServiceProcess process(Service service) {
        return processes.get(service);
    }

    /** {@code <dataDir>/logs/<module>.log}. */
    public Path logFile(Service service) {
        return config.dataDir().resolve("logs").resolve(service.module() + ".log");
    }

    /** How long each part took to start ("Kafka broker", "MongoDB-compatible store", "mail sink", modules, "total"). */
    public Map<String, Duration> timings() {
        synchronized (timings) {
            return Map.copyOf(timings);
        }
    }

    /** RSS (KiB) of each service process and, under {@code "devstack"}, of this JVM. */
    public Map<String, OptionalLong> residentMemory() {
        Map<String, OptionalLong> rss = new LinkedHashMap<>();
        processes().forEach((s, p) -> rss.put(s.module(), p.residentKib()));
        rss.put("devstack", ProcessMemory.residentKibOfThisProcess());
        return rss;
    }

    public boolean isClosed() {
        return closed.get();
    }

    static String seconds(Duration d) {
        return d == null ? "?" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
