package org.civictaskforce.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine without Docker: a real Kafka broker (in this JVM), a
 * MongoDB-compatible store persisted to the data folder (in this JVM), an SMTP sink with a web view
 * (in this JVM), then every service and the gateway as their own processes.
 *
 * <pre>{@code
 * DevstackConfig config = DevstackConfig.builder()
 *         .repoRoot(repo)                 // where <module>/target/<module>.jar are
 *         .dataDir(tempDir)
 *         .randomPorts()                  // every port free and random
 *         .env(DevstackService.NOTIFICATION, "REMINDER_INTERVAL", "PT1S")
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

    // ====================================================================== the stack

    /**
     * Zipkin keeps spans in memory: the newest {@value #ZIPKIN_MAX_SPANS} (about a quarter of an hour of a working
     * group's use with every request traced), which its heap holds.
     */
    static final int ZIPKIN_MAX_SPANS = 50_000;
    static final List<String> ZIPKIN_JVM_OPTIONS = List.of("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private final DevstackConfig config;
    private final KafkaBroker kafka;
    private final DocumentStore documentStore;
    private final MailSink mailSink;
    private final DevstackSecrets secrets;
    private final Map<DevstackService, ServiceProcess> processes = Collections.synchronizedMap(new EnumMap<>(DevstackService.class));
    private volatile ServiceProcess zipkin;
    /** The second and further processes of services that run several (DEVSTACK_REPLICAS). */
    private final Map<DevstackService, List<ServiceProcess>> extraReplicas = Collections.synchronizedMap(new EnumMap<>(DevstackService.class));
    /** Their ports, chosen before anything starts (the gateway is told all of them). */
    private final Map<DevstackService, List<Integer>> extraPorts = new EnumMap<>(DevstackService.class);
    private final Map<String, Duration> timings = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean started;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    public Devstack(DevstackConfig config) {
        this.config = config;
        this.kafka = new KafkaBroker(config.dataDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort());
        this.documentStore = new DocumentStore(config.dataDir().resolve("mongo"), config.mongoPort());
        this.mailSink = new MailSink(config.smtpPort(), config.mailWebPort(), config.mailKeep());
        this.secrets = DevstackSecrets.in(config.dataDir());
    }

    /**
     * Checks the ports and the jars, then starts Kafka, the store, the mail sink, then the services and the gateway
     * together, each waited for. On failure everything started so far is stopped and
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
            if (config.zipkin()) {
                // launched first, waited for last: services that start before it is listening lose only their
                // start-up spans
                zipkin = new ServiceProcess("zipkin", ServiceProcess.javaCommand(config.zipkinJar(), ZIPKIN_JVM_OPTIONS),
                        config.zipkinPort(), Map.of("QUERY_PORT", String.valueOf(config.zipkinPort()),
                                "STORAGE_TYPE", "mem", "MEM_MAX_SPANS", String.valueOf(ZIPKIN_MAX_SPANS)),
                        config.dataDir().resolve("logs").resolve("zipkin.log"), "/health");
                config.progress().accept("starting Zipkin on port " + config.zipkinPort() + " …");
                zipkin.start();
            }
            for (DevstackService s : config.services()) {
                List<Integer> ports = new ArrayList<>();
                for (int i = 1; i < config.replicas(s); i++) {
                    ports.add(Ports.freePort());
                }
                extraPorts.put(s, ports);
            }
            // all together: the gateway needs no service to start, and two cores stay busy to the end
            startServices(config.services().stream().sorted().toList());
            if (zipkin != null) {
                long t = System.nanoTime();
                zipkin.awaitReady(config.readyTimeout());
                timings.put("zipkin", Duration.ofNanos(System.nanoTime() - t));
                config.progress().accept("Zipkin ready on " + zipkinUrl());
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
        if (config.zipkin()) {
            want(wanted, config.zipkinPort(), "Zipkin", "DEVSTACK_ZIPKIN_PORT");
        }
        for (DevstackService s : config.services()) {
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

    private void startServices(List<DevstackService> services) {
        if (services.isEmpty()) {
            return;
        }
        List<ServiceProcess> all = new ArrayList<>();
        for (DevstackService s : services) {
            List<Integer> ports = ports(s);
            for (int replica = 1; replica <= ports.size(); replica++) {
                String name = replica == 1 ? s.module() : s.module() + "-" + replica;
                Path jar = s.jar(config.repoRoot());
                // each process its own launch: one that records a start-up archive records to a file of its own
                ClassDataArchive.Launch launch = config.classDataSharing()
                        ? ClassDataArchive.of(jar, config.jvmOptions()).prepare(config.jvmOptions())
                        : ClassDataArchive.Launch.plain(jar, config.jvmOptions());
                ServiceProcess process = new ServiceProcess(name, launch, ports.get(replica - 1), environment(s),
                        config.dataDir().resolve("logs").resolve(name + ".log"));
                if (replica == 1) {
                    processes.put(s, process);
                } else {
                    extraReplicas.computeIfAbsent(s, k -> Collections.synchronizedList(new ArrayList<>())).add(process);
                }
                if (closed.get()) {
                    throw new DevstackException("devstack was stopped while starting");
                }
                config.progress().accept("starting " + name + " on port " + process.port() + " …");
                process.start();
                all.add(process);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(all.size(), r -> {
            Thread t = new Thread(r, "devstack-await");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<ServiceProcess> completion = new ExecutorCompletionService<>(pool);
            for (ServiceProcess process : all) {
                completion.submit(() -> {
                    long t = System.nanoTime();
                    process.awaitReady(config.readyTimeout());
                    timings.put(process.name(), Duration.ofNanos(System.nanoTime() - t));
                    return process;
                });
            }
            for (int i = 0; i < all.size(); i++) {
                Future<ServiceProcess> done = completion.take();
                try {
                    ServiceProcess process = done.get();
                    config.progress().accept(process.name() + " ready on " + process.url()
                            + " in " + seconds(timings.get(process.name())));
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
    public Map<String, String> environment(DevstackService service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
        // every process checks tokens against the identity service; only it and the gateway know the client secret
        env.put("IDENTITY_ISSUER", identityUrl());
        env.put("IDENTITY_JWKS_URI", identityUrl() + "/oauth2/jwks");
        if (service == DevstackService.GATEWAY || service == DevstackService.IDENTITY) {
            env.put("IDENTITY_GATEWAY_CLIENT_SECRET", secrets.gatewayClientSecret());
            env.put("IDENTITY_GATEWAY_REDIRECT_URIS", gatewayUrl() + "/login/oauth2/code/civic");
            env.put("IDENTITY_GATEWAY_POST_LOGOUT_REDIRECT_URIS", gatewayUrl() + "/");
        }
        if (service == DevstackService.IDENTITY) {
            env.put("IDENTITY_BOOTSTRAP_USERNAME", DevstackSecrets.BOOTSTRAP_USERNAME);
            env.put("IDENTITY_BOOTSTRAP_PASSWORD", secrets.bootstrapPassword());
            env.put("IDENTITY_SECOND_FACTOR_KEY", secrets.secondFactorKey());
        }
        env.put("MONGODB_URI", mongoUri(service.database()));
        if (service == DevstackService.GATEWAY) {
            env.put("IDENTITY_TOKEN_URI", identityUrl() + "/oauth2/token");
            for (DevstackService backend : DevstackService.backends()) {
                env.put(backend.urlVariable(), serviceUrl(backend));
            }
            if (DevstackService.backends().stream().anyMatch(b -> config.replicas(b) > 1)) {
                env.put("SPRING_APPLICATION_JSON", balancedInstances());
            }
        } else {
            env.put("SMTP_HOST", "localhost");
            env.put("SMTP_PORT", String.valueOf(config.smtpPort()));
        }
        if (config.zipkin()) {
            env.put("ZIPKIN_EXPORT", "true");
            env.put("ZIPKIN_ENDPOINT", zipkinUrl() + "/api/v2/spans");
        }
        env.putAll(config.extraEnv().getOrDefault(service, Map.of()));
        return env;
    }

    /** The ports of a service's processes: its own port first, then its further replicas'. */
    private List<Integer> ports(DevstackService service) {
        List<Integer> ports = new ArrayList<>();
        ports.add(config.port(service));
        ports.addAll(extraPorts.getOrDefault(service, List.of()));
        return ports;
    }

    /**
     * The gateway's load balancer instances (Spring Cloud's simple discovery client) of every backend, each replica
     * listed, as {@code SPRING_APPLICATION_JSON}: one URL per replica, in order.
     */
    private String balancedInstances() {
        StringBuilder json = new StringBuilder("{");
        for (DevstackService backend : DevstackService.backends()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("\"spring.cloud.discovery.client.simple.instances.").append(backend.module()).append("\":[");
            List<Integer> ports = ports(backend);
            for (int i = 0; i < ports.size(); i++) {
                json.append(i == 0 ? "" : ",").append("{\"uri\":\"http://localhost:").append(ports.get(i)).append("\"}");
            }
            json.append(']');
        }
        return json.append('}').toString();
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
        List<ServiceProcess> gateways = replicas(DevstackService.GATEWAY);
        if (!gateways.isEmpty()) {
            steps.add(() -> stopTogether(gateways));
        }
        List<ServiceProcess> backends = DevstackService.backends().stream().flatMap(b -> replicas(b).stream()).toList();
        if (!backends.isEmpty()) {
            steps.add(() -> stopTogether(backends));
        }
        ServiceProcess tracing = zipkin;
        if (tracing != null) {
            steps.add(tracing::stop);
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
                // a service that records its start-up archive may take up to ServiceProcess's grace to stop
                t.join(120_000);
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

    public DevstackConfig config() {
        return config;
    }

    /** {@code http://localhost:<gateway port>}. */
    public String identityUrl() {
        return serviceUrl(DevstackService.IDENTITY);
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
        return serviceUrl(DevstackService.GATEWAY);
    }

    /** {@code http://localhost:<port>} of a service (started or not). */
    public String serviceUrl(DevstackService service) {
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

    /** {@code http://localhost:<zipkin port>}: the Zipkin UI and its API ({@code /api/v2/traces}). */
    public String zipkinUrl() {
        return "http://localhost:" + config.zipkinPort();
    }

    /** The Zipkin server's process, if the devstack runs one. */
    public java.util.Optional<ServiceProcess> zipkinProcess() {
        return java.util.Optional.ofNullable(zipkin);
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
    public Map<DevstackService, ServiceProcess> processes() {
        synchronized (processes) {
            EnumMap<DevstackService, ServiceProcess> copy = new EnumMap<>(DevstackService.class);
            copy.putAll(processes);
            return Collections.unmodifiableMap(copy);
        }
    }

    /** The process of a started service, or {@code null}. */
    public ServiceProcess process(DevstackService service) {
        return processes.get(service);
    }

    /** Every process of a service: the first (on the service's port) first, then the others (DEVSTACK_REPLICAS). */
    public List<ServiceProcess> replicas(DevstackService service) {
        List<ServiceProcess> all = new ArrayList<>();
        ServiceProcess first = processes.get(service);
        if (first != null) {
            all.add(first);
        }
        List<ServiceProcess> more = extraReplicas.get(service);
        if (more != null) {
            synchronized (more) {
                all.addAll(more);
            }
        }
        return all;
    }

    /** {@code <dataDir>/logs/<module>.log}. */
    public Path logFile(DevstackService service) {
        return config.dataDir().resolve("logs").resolve(service.module() + ".log");
    }

    /** How long each part took to start ("Kafka broker", "MongoDB-compatible store", "mail sink", modules, "total"). */
    public Map<String, Duration> timings() {
        synchronized (timings) {
            return Map.copyOf(timings);
        }
    }

    /**
     * Every process of the system by name, with its pid: each service replica ({@link ServiceProcess#name()}), Zipkin
     * when it was started, and this JVM (Kafka, the store, the mail sink) as {@code "devstack"}; -1 for one not
     * running.
     */
    public Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (DevstackService s : DevstackService.values()) {
            replicas(s).forEach(p -> pids.put(p.name(), p.isAlive() ? p.pid() : -1L));
        }
        if (zipkin != null) {
            pids.put("zipkin", zipkin.isAlive() ? zipkin.pid() : -1L);
        }
        pids.put("devstack", ProcessHandle.current().pid());
        return pids;
    }

    /** RSS (KiB) of each process of {@link #processIds()}, by the same names; empty where unknown or not running. */
    public Map<String, OptionalLong> residentMemory() {
        Map<String, OptionalLong> rss = new LinkedHashMap<>();
        processIds().forEach((name, pid) -> rss.put(name, pid < 0 ? OptionalLong.empty() : ProcessMemory.residentKib(pid)));
        return rss;
    }

    public boolean isClosed() {
        return closed.get();
    }

    static String seconds(Duration d) {
        return d == null ? "?" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
