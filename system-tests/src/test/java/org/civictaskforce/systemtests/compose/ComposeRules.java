package org.civictaskforce.systemtests.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The rules docker-compose.yml keeps, beyond what the Compose Specification schema checks. Each rule returns the
 * problems it found as sentences that say what is wrong and where; an empty list means the file keeps the rule.
 */
final class ComposeRules {

    static final String READINESS_PATH = "/actuator/health/readiness";
    static final int MONGODB_PORT = 27017;
    /** A Spring Boot service needs this much at least, heap and the rest together. */
    static final long MIN_APPLICATION_MEMORY = 512L * 1024 * 1024;
    /** Infrastructure images whose operator UI may be published on the host, and the container port of that UI. */
    static final Map<String, Integer> OPERATOR_UIS = Map.of("axllent/mailpit", 8025, "prom/prometheus", 9090,
            "grafana/grafana", 3000, "openzipkin/zipkin", 9411);

    /** Browsers sign in at the identity service, so it may publish its application port like the gateway. */
    static final String IDENTITY_SERVICE = "identity-service";
    private static final Pattern LOCAL_HTTP_URL = Pattern.compile("https?://(?:localhost|127\\.0\\.0\\.1)(?::(\\d+))?(/[^\\s\"']*)?");
    private static final Pattern MONGODB_URI = Pattern.compile("mongodb://(?:[^@/]+@)?([^/:,?]+)(?::(\\d+))?/([^?/]*)(?:\\?.*)?");
    private static final Pattern HOST_PORT = Pattern.compile("([^:,\\s]+):(\\d+)");
    private static final Pattern BYTES = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|m|mb|g|gb)?");

    private ComposeRules() {
    }

    static List<String> healthchecks(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        for (String name : compose.serviceNames()) {
            JsonNode healthcheck = compose.service(name).path("healthcheck");
            if (healthcheck.isMissingNode() || healthcheck.isNull()) {
                problems.add("service '" + name + "' has no healthcheck: without one, nothing can wait for it with condition: service_healthy, and 'docker compose ps' cannot tell a hung service from a working one");
                continue;
            }
            if (healthcheck.path("disable").asBoolean(false)) {
                problems.add("service '" + name + "' disables its healthcheck (disable: true)");
                continue;
            }
            Optional<String> test = compose.healthcheckTest(name);
            if (test.isEmpty() || test.get().equals("NONE") || test.get().isBlank()) {
                problems.add("service '" + name + "' has a healthcheck without a test command");
            }
        }
        return problems;
    }

    static List<String> memoryLimits(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        for (String name : compose.serviceNames()) {
            JsonNode service = compose.service(name);
            JsonNode deployLimit = service.path("deploy").path("resources").path("limits").path("memory");
            JsonNode memLimit = service.path("mem_limit");
            Optional<Long> deployBytes = bytes(deployLimit);
            Optional<Long> memBytes = bytes(memLimit);
            if (deployBytes.isEmpty() && memBytes.isEmpty()) {
                problems.add("service '" + name + "' has no memory limit: set deploy.resources.limits.memory (or mem_limit), so one leaking container cannot take the host's memory");
                continue;
            }
            if (deployBytes.isPresent() && memBytes.isPresent() && !deployBytes.equals(memBytes)) {
                problems.add("service '" + name + "' sets two different memory limits: mem_limit " + memLimit.asString() + " and deploy.resources.limits.memory " + deployLimit.asString() + "; keep one");
            }
            long limit = deployBytes.orElseGet(memBytes::get);
            if (compose.isApplication(name) && limit < MIN_APPLICATION_MEMORY) {
                problems.add("service '" + name + "' is limited to " + limit / (1024 * 1024) + " MiB: a Spring Boot service needs at least " + MIN_APPLICATION_MEMORY / (1024 * 1024) + " MiB (the JVM takes 75 % of the limit as heap)");
            }
        }
        return problems;
    }

    static List<String> dependencies(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        for (String name : compose.serviceNames()) {
            compose.dependencies(name).forEach((dependency, condition) -> {
                if (!compose.hasService(dependency)) {
                    problems.add("service '" + name + "' depends on '" + dependency + "', which is not a service in this file");
                    return;
                }
                if (condition == null) {
                    problems.add("service '" + name + "' depends on '" + dependency + "' without a condition, so it only waits until the container has started: use condition: service_healthy");
                } else if (condition.equals("service_healthy")) {
                    if (compose.healthcheckTest(dependency).isEmpty()) {
                        problems.add("service '" + name + "' waits for '" + dependency + "' to be healthy, but '" + dependency + "' has no healthcheck: Compose would refuse to start it");
                    }
                } else if (condition.equals("service_completed_successfully")) {
                    if (!compose.isOneShot(dependency)) {
                        problems.add("service '" + name + "' waits for '" + dependency + "' to complete, but '" + dependency + "' is a long-running service (restart: " + compose.service(dependency).path("restart").asString() + "): use condition: service_healthy");
                    }
                } else {
                    problems.add("service '" + name + "' depends on '" + dependency + "' with condition: " + condition + ": use service_healthy (or service_completed_successfully for a one-shot init job)");
                }
            });
        }
        return problems;
    }

    static List<String> pinnedImages(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        for (String name : compose.serviceNames()) {
            Optional<String> image = compose.image(name);
            if (image.isEmpty()) {
                if (!compose.isApplication(name)) {
                    problems.add("service '" + name + "' has neither an image nor a build");
                }
                continue; // built from this repository: the Dockerfile's base images are checked there
            }
            ImageReference.pinningProblem(image.get()).ifPresent(problem -> problems.add("service '" + name + "': image " + problem));
        }
        return problems;
    }

    /**
     * Only the gateway's application port and operator UIs are published on the host; a service with a
     * published port cannot be scaled (two replicas cannot bind the same host port) and bypasses the gateway.
     */
    static List<String> publishedPorts(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        Optional<String> gateway = compose.gateway();
        for (String name : compose.serviceNames()) {
            JsonNode service = compose.service(name);
            if ("host".equals(service.path("network_mode").asString(""))) {
                problems.add("service '" + name + "' uses network_mode: host, which publishes every port it listens on");
            }
            List<PortMapping> ports = portMappings(service.path("ports"));
            if (ports.isEmpty()) {
                continue;
            }
            if (gateway.filter(name::equals).isPresent() || IDENTITY_SERVICE.equals(name)) {
                Optional<Integer> serverPort = serverPort(compose, name);
                for (PortMapping port : ports) {
                    if (serverPort.isEmpty() || !serverPort.get().toString().equals(port.target())) {
                        problems.add("service '" + name + "' publishes container port " + port.target() + ", which is not its application port (SERVER_PORT " + serverPort.map(String::valueOf).orElse("unset") + ")");
                    }
                }
            } else if (compose.isApplication(name)) {
                problems.add("service '" + name + "' publishes port(s) " + targets(ports) + " on the host: only the gateway may (the gateway reaches services by their DNS name), and a published port stops 'docker compose up --scale " + name + "=3'");
            } else {
                Optional<Integer> ui = compose.image(name).map(image -> OPERATOR_UIS.get(ImageReference.parse(image).repository()));
                for (PortMapping port : ports) {
                    if (ui.isEmpty() || !ui.get().toString().equals(port.target())) {
                        problems.add("infrastructure service '" + name + "' publishes container port " + port.target() + " on the host: only the gateway and operator UIs " + OPERATOR_UIS + " may be published");
                    }
                }
            }
        }
        return problems;
    }

    static List<String> containerNames(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        for (String name : compose.applicationServices()) {
            if (compose.service(name).has("container_name")) {
                problems.add("service '" + name + "' sets container_name '" + compose.service(name).path("container_name").asString() + "': a fixed name allows only one container, so 'docker compose up --scale " + name + "=3' fails");
            }
        }
        return problems;
    }

    /**
     * Long-running services come back after a crash or a reboot. Only one-shot jobs (an init job that others
     * wait for with service_completed_successfully) may go without.
     */
    static List<String> restartPolicies(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        Set<String> jobs = new TreeSet<>();
        for (String name : compose.serviceNames()) {
            compose.dependencies(name).forEach((dependency, condition) -> {
                if ("service_completed_successfully".equals(condition)) {
                    jobs.add(dependency);
                }
            });
        }
        for (String name : compose.serviceNames()) {
            if (!compose.isApplication(name) && jobs.contains(name)) {
                continue;
            }
            String policy = compose.service(name).path("restart").asString("");
            if (!policy.equals("unless-stopped") && !policy.equals("always")) {
                problems.add("service '" + name + "' has restart: " + (policy.isEmpty() ? "(none)" : policy) + ": a long-running service uses restart: unless-stopped, so a crash or a reboot brings it back");
            }
        }
        return problems;
    }

    /**
     * Each application service (the gateway too: it follows revocations on Kafka and keeps browser sessions in
     * MongoDB) finds Kafka and MongoDB through services of this file, on the listener and port those services
     * actually offer, and waits for them; it has a database of its own.
     */
    static List<String> infrastructureEndpoints(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        Map<String, String> databases = new HashMap<>();
        for (String name : compose.applicationServices()) {
            Map<String, String> env = compose.environment(name);
            Set<String> dependencies = compose.dependencies(name).keySet();

            String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap == null || bootstrap.isBlank()) {
                problems.add("service '" + name + "' has no KAFKA_BOOTSTRAP_SERVERS in its environment");
            } else {
                for (String address : bootstrap.split(",")) {
                    Matcher m = HOST_PORT.matcher(address.trim());
                    if (!m.matches()) {
                        problems.add("service '" + name + "': KAFKA_BOOTSTRAP_SERVERS entry '" + address + "' is not host:port");
                        continue;
                    }
                    String host = m.group(1);
                    if (!compose.hasService(host)) {
                        problems.add("service '" + name + "': KAFKA_BOOTSTRAP_SERVERS points at '" + host + "', which is not a service in this file");
                        continue;
                    }
                    String advertised = compose.environment(host).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
                    if (!advertised.contains("://" + host + ":" + m.group(2))) {
                        problems.add("service '" + name + "': KAFKA_BOOTSTRAP_SERVERS uses " + address.trim() + ", but '" + host + "' advertises only [" + advertised + "]: use the listener it advertises to the compose network");
                    }
                    if (!dependencies.contains(host)) {
                        problems.add("service '" + name + "' uses Kafka on '" + host + "' but has no depends_on '" + host + "' (condition: service_healthy)");
                    }
                }
            }

            String mongoUri = env.get("MONGODB_URI");
            if (mongoUri == null || mongoUri.isBlank()) {
                problems.add("service '" + name + "' has no MONGODB_URI in its environment");
            } else {
                Matcher m = MONGODB_URI.matcher(mongoUri.trim());
                if (!m.matches()) {
                    problems.add("service '" + name + "': MONGODB_URI '" + mongoUri + "' is not mongodb://host[:port]/database");
                } else {
                    String host = m.group(1);
                    int port = m.group(2) == null ? MONGODB_PORT : Integer.parseInt(m.group(2));
                    String database = m.group(3);
                    if (!compose.hasService(host)) {
                        problems.add("service '" + name + "': MONGODB_URI points at '" + host + "', which is not a service in this file");
                    } else {
                        if (compose.image(host).map(i -> !ImageReference.parse(i).repository().endsWith("mongo")).orElse(true)) {
                            problems.add("service '" + name + "': MONGODB_URI points at '" + host + "', which does not run the mongo image");
                        }
                        if (!dependencies.contains(host)) {
                            problems.add("service '" + name + "' uses MongoDB on '" + host + "' but has no depends_on '" + host + "' (condition: service_healthy)");
                        }
                    }
                    if (port != MONGODB_PORT) {
                        problems.add("service '" + name + "': MONGODB_URI uses port " + port + ", but the mongodb service listens on " + MONGODB_PORT);
                    }
                    String expected = compose.moduleOf(name).map(ComposeRules::databaseOf).orElse(null);
                    if (expected != null && !expected.equals(database)) {
                        problems.add("service '" + name + "': MONGODB_URI names database '" + database + "', but this service owns the database '" + expected + "'");
                    }
                    String owner = databases.putIfAbsent(database, name);
                    if (owner != null) {
                        problems.add("services '" + owner + "' and '" + name + "' share the database '" + database + "': each service owns its own");
                    }
                }
            }

            String smtpHost = env.get("SMTP_HOST");
            boolean sendsMail = compose.moduleOf(name).filter("notification-service"::equals).isPresent();
            if (sendsMail && (smtpHost == null || smtpHost.isBlank())) {
                problems.add("service '" + name + "' sends e-mail but has no SMTP_HOST in its environment");
            }
            if (smtpHost != null && !smtpHost.isBlank()) {
                if (!compose.hasService(smtpHost)) {
                    problems.add("service '" + name + "': SMTP_HOST points at '" + smtpHost + "', which is not a service in this file");
                } else if (!dependencies.contains(smtpHost)) {
                    problems.add("service '" + name + "' sends mail through '" + smtpHost + "' but has no depends_on '" + smtpHost + "'");
                }
                if (!env.getOrDefault("SMTP_PORT", "").matches("\\d+")) {
                    problems.add("service '" + name + "' has SMTP_HOST but no numeric SMTP_PORT");
                }
            }
        }
        return problems;
    }

    /**
     * Each application service listens on SERVER_PORT; its healthcheck asks that port for readiness, and the
     * gateway's URL for it uses its service name and that port.
     */
    static List<String> applicationPorts(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        for (String name : compose.applicationServices()) {
            Optional<Integer> serverPort = serverPort(compose, name);
            if (serverPort.isEmpty()) {
                problems.add("service '" + name + "' has no numeric SERVER_PORT in its environment");
                continue;
            }
            Optional<String> test = compose.healthcheckTest(name);
            if (test.isEmpty()) {
                continue; // reported by healthchecks()
            }
            Matcher url = LOCAL_HTTP_URL.matcher(test.get());
            if (!url.find()) {
                problems.add("service '" + name + "': the healthcheck does not ask http://localhost:" + serverPort.get() + READINESS_PATH + " (it runs: " + test.get() + ")");
                continue;
            }
            int port = url.group(1) == null ? 80 : Integer.parseInt(url.group(1));
            if (port != serverPort.get()) {
                problems.add("service '" + name + "': the healthcheck asks port " + port + ", but SERVER_PORT is " + serverPort.get());
            }
            if (!READINESS_PATH.equals(url.group(2))) {
                problems.add("service '" + name + "': the healthcheck asks " + url.group(2) + " instead of " + READINESS_PATH + " (healthy = ready for traffic, with Kafka and MongoDB reachable)");
            }
        }

        Optional<String> gateway = compose.gateway();
        if (gateway.isEmpty()) {
            problems.add("no application service is built from the '" + ComposeFile.GATEWAY_MODULE + "' module: the system has no entrance");
            return problems;
        }
        Map<String, String> gatewayEnv = compose.environment(gateway.get());
        Set<String> gatewayDependencies = compose.dependencies(gateway.get()).keySet();
        for (String backend : compose.backends()) {
            String variable = urlVariableOf(compose.moduleOf(backend).orElse(backend));
            String url = gatewayEnv.get(variable);
            Optional<Integer> port = serverPort(compose, backend);
            String expected = "http://" + backend + ":" + port.map(String::valueOf).orElse("<SERVER_PORT>");
            if (url == null) {
                problems.add("the gateway has no " + variable + " in its environment: it cannot route to '" + backend + "' (expected " + expected + ")");
            } else if (!url.replaceAll("/+$", "").equals(expected)) {
                problems.add("the gateway's " + variable + " is " + url + ", but '" + backend + "' is reached at " + expected + " (service name and SERVER_PORT)");
            }
            if (!gatewayDependencies.contains(backend)) {
                problems.add("the gateway does not wait for '" + backend + "' (depends_on with condition: service_healthy)");
            }
        }
        return problems;
    }

    /**
     * Application services are built from this repository's Dockerfile with SERVICE = one of the root pom's
     * Spring Boot modules, whose jar is target/&lt;module&gt;.jar; every such module has a service.
     */
    static List<String> builds(ComposeFile compose, Path repositoryRoot) {
        List<String> problems = new ArrayList<>();
        List<String> modules = RepositoryFiles.modules(repositoryRoot);
        Set<String> built = new TreeSet<>();
        for (String name : compose.applicationServices()) {
            JsonNode build = compose.service(name).path("build");
            String context = build.isString() ? build.asString() : build.path("context").asString(".");
            if (!Path.of(context).normalize().toString().isEmpty()) { // "." and "./" normalise to the empty path
                problems.add("service '" + name + "' builds from context '" + context + "': the Dockerfile builds the whole Maven reactor, so the context is the repository root '.'");
            }
            String dockerfile = build.path("dockerfile").asString("Dockerfile");
            if (!dockerfile.equals("Dockerfile")) {
                problems.add("service '" + name + "' builds with '" + dockerfile + "': every service uses the one ./Dockerfile");
            }
            Optional<String> module = compose.moduleOf(name);
            if (module.isEmpty()) {
                problems.add("service '" + name + "' has no build argument SERVICE: the Dockerfile does not know which module to package");
                continue;
            }
            built.add(module.get());
            if (!modules.contains(module.get())) {
                problems.add("service '" + name + "' is built with SERVICE=" + module.get() + ", which is not a module of the root pom " + modules);
                continue;
            }
            Optional<String> finalName = RepositoryFiles.finalName(repositoryRoot, module.get());
            if (!finalName.equals(Optional.of(module.get()))) {
                problems.add("module '" + module.get() + "' must set <finalName>" + module.get() + "</finalName>: the Dockerfile copies " + module.get() + "/target/" + module.get() + ".jar");
            }
        }
        for (String module : modules) {
            if (RepositoryFiles.isBootApplication(repositoryRoot, module) && !built.contains(module)) {
                problems.add("module '" + module + "' is a Spring Boot application but no service in docker-compose.yml is built from it (build.args.SERVICE: " + module + ")");
            }
        }
        return problems;
    }

    /** Kafka's and MongoDB's data live in named volumes declared in the file, so a re-created container keeps them. */
    static List<String> dataVolumes(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>(compose.root().path("volumes").propertyNames());
        for (String name : compose.infrastructureServices()) {
            String repository = compose.image(name).map(i -> ImageReference.parse(i).repository()).orElse("");
            boolean stateful = repository.endsWith("kafka") || repository.endsWith("mongo");
            boolean hasNamedVolume = false;
            for (JsonNode volume : compose.service(name).path("volumes")) {
                String source = volume.isString() ? volume.asString().split(":")[0] : volume.path("source").asString("");
                boolean named = !source.isEmpty() && !source.startsWith(".") && !source.startsWith("/") && !source.startsWith("~") && volume.path("type").asString("volume").equals("volume");
                if (named) {
                    hasNamedVolume = true;
                    if (!declared.contains(source)) {
                        problems.add("service '" + name + "' mounts the volume '" + source + "', which is not declared under the top-level volumes:");
                    }
                }
            }
            if (stateful && !hasNamedVolume) {
                problems.add("service '" + name + "' (" + repository + ") keeps its data in the container: mount a named volume for its data directory");
            }
        }
        return problems;
    }

    /** The port an application service listens on, from SERVER_PORT. */
    static Optional<Integer> serverPort(ComposeFile compose, String name) {
        String value = compose.environment(name).get("SERVER_PORT");
        return value != null && value.matches("\\d+") ? Optional.of(Integer.parseInt(value)) : Optional.empty();
    }

    /** membership-service → membership. */
    static String databaseOf(String module) {
        return module.replaceFirst("-service$", "");
    }

    /** membership-service → MEMBERSHIP_URL, the gateway's variable for it. */
    static String urlVariableOf(String module) {
        return databaseOf(module).toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }

    record PortMapping(String hostIp, String published, String target) {
    }

    /** Short syntax [IP:][HOST:]CONTAINER[/PROTOCOL] and long syntax {target, published, host_ip}. */
    static List<PortMapping> portMappings(JsonNode ports) {
        List<PortMapping> mappings = new ArrayList<>();
        for (JsonNode port : ports) {
            if (port.isObject()) {
                mappings.add(new PortMapping(port.path("host_ip").asString(""), port.path("published").asString(""), port.path("target").asString("")));
                continue;
            }
            String spec = port.asString().replaceFirst("/\\w+$", "");
            String hostIp = "";
            if (spec.startsWith("[")) {
                int end = spec.indexOf("]:");
                hostIp = spec.substring(1, Math.max(end, 1));
                spec = end < 0 ? spec : spec.substring(end + 2);
            }
            String[] parts = spec.split(":");
            String target = parts[parts.length - 1];
            String published = parts.length >= 2 ? parts[parts.length - 2] : "";
            if (parts.length >= 3) {
                hostIp = parts[0];
            }
            mappings.add(new PortMapping(hostIp, published, target));
        }
        return mappings;
    }

    private static List<String> targets(List<PortMapping> ports) {
        return ports.stream().map(PortMapping::target).toList();
    }

    /** Compose's byte values: a number of bytes, or a number with b, k(b), m(b), g(b). */
    static Optional<Long> bytes(JsonNode value) {
        if (value.isNumber()) {
            return Optional.of(value.asLong());
        }
        if (!value.isString()) {
            return Optional.empty();
        }
        Matcher m = BYTES.matcher(value.asString().trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Optional.of((long) (number * factor));
    }
}
