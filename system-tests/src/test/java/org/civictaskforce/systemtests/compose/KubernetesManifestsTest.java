package org.civictaskforce.systemtests.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * deploy/k8s describes the same system as docker-compose.yml for a cluster. No cluster here either, so this
 * test reads every manifest (multi-document YAML) and checks what keeps the services alive and reachable:
 * probes, memory limits, non-root, configuration that resolves, Services that find their pods, and that the
 * cluster runs what docker-compose.yml runs on the same ports.
 */
class KubernetesManifestsTest {

    /** Kinds whose pod template runs containers, and where that template is. */
    private static final Map<String, String> WORKLOADS = Map.of(
            "Deployment", "/spec/template/spec",
            "StatefulSet", "/spec/template/spec",
            "DaemonSet", "/spec/template/spec",
            "Job", "/spec/template/spec",
            "CronJob", "/spec/jobTemplate/spec/template/spec");

    private static Path root;
    private static Path k8s;
    /** Every document, keyed by "file#index". */
    private static final Map<String, JsonNode> documents = new LinkedHashMap<>();

    @BeforeAll
    static void readManifests() throws IOException {
        root = RepositoryFiles.root();
        k8s = root.resolve("deploy").resolve("k8s");
        try (Stream<Path> files = Files.list(k8s)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                List<JsonNode> docs = RepositoryFiles.readYamlDocuments(file);
                for (int i = 0; i < docs.size(); i++) {
                    documents.put(file.getFileName() + "#" + (i + 1), docs.get(i));
                }
            }
        }
    }

    static void assertNoProblems(String rule, List<String> problems) {
        assertTrue(problems.isEmpty(), () -> rule + ":\n  - " + String.join("\n  - ", problems));
    }

    private static List<Map.Entry<String, JsonNode>> ofKind(String kind) {
        return documents.entrySet().stream().filter(e -> kind.equals(e.getValue().path("kind").asString())).toList();
    }

    private static Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().map(Map.Entry::getValue).filter(d -> name.equals(d.path("metadata").path("name").asString())).findFirst();
    }

    private static String describe(Map.Entry<String, JsonNode> doc) {
        return doc.getValue().path("kind").asString() + " '" + doc.getValue().path("metadata").path("name").asString() + "' (" + doc.getKey() + ")";
    }

    /** Every container of every workload: where it is, its pod spec, itself, and its pod template's labels. */
    private record Container(String where, JsonNode pod, JsonNode container, JsonNode labels) {
    }

    private static List<Container> containers() {
        List<Container> containers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> doc : documents.entrySet()) {
            String podPath = WORKLOADS.get(doc.getValue().path("kind").asString());
            if (podPath == null) {
                continue;
            }
            JsonNode pod = doc.getValue().at(podPath);
            JsonNode labels = doc.getValue().at(podPath.substring(0, podPath.length() - "/spec".length())).path("metadata").path("labels");
            for (JsonNode container : pod.path("containers")) {
                containers.add(new Container(describe(doc) + ", container '" + container.path("name").asString() + "'", pod, container, labels));
            }
        }
        return containers;
    }

    /** The workload's configuration as the container sees it: its ConfigMaps' data, then explicit env. */
    private static Map<String, String> environment(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asString("");
            if (!configMap.isEmpty()) {
                find("ConfigMap", configMap).ifPresent(cm -> cm.path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString())));
            }
        }
        for (JsonNode variable : container.path("env")) {
            if (variable.has("value")) {
                env.put(variable.path("name").asString(), variable.path("value").asString());
            }
        }
        return env;
    }

    @Test
    @DisplayName("the manifests parse and hold a Deployment and a Service per application service")
    void manifestsParse() {
        assertThat(documents).as("documents in " + k8s).isNotEmpty();
        assertThat(ofKind("Deployment")).as("Deployments").hasSizeGreaterThanOrEqualTo(5);
        for (JsonNode doc : documents.values()) {
            assertThat(doc.path("apiVersion").asString("")).as("apiVersion of " + doc.path("kind").asString() + " " + doc.path("metadata").path("name").asString()).isNotEmpty();
        }
    }

    @Test
    @DisplayName("every container has a readiness and a liveness probe on the actuator's health groups")
    void everyContainerHasBothProbes() {
        List<String> problems = new ArrayList<>();
        for (Container c : containers()) {
            for (String probe : List.of("readinessProbe", "livenessProbe")) {
                JsonNode p = c.container().path(probe);
                if (p.isMissingNode() || p.isNull()) {
                    problems.add(c.where() + " has no " + probe);
                    continue;
                }
                String expected = probe.equals("readinessProbe") ? "/actuator/health/readiness" : "/actuator/health/liveness";
                String path = p.path("httpGet").path("path").asString("");
                if (!expected.equals(path)) {
                    problems.add(c.where() + ": " + probe + " asks '" + path + "' instead of " + expected);
                }
                JsonNode port = p.path("httpGet").path("port");
                boolean declared = false;
                for (JsonNode containerPort : c.container().path("ports")) {
                    declared |= port.isNumber() ? containerPort.path("containerPort").asInt() == port.asInt() : containerPort.path("name").asString("").equals(port.asString());
                }
                if (!declared) {
                    problems.add(c.where() + ": " + probe + " uses port '" + port.asString() + "', which the container does not declare");
                }
            }
        }
        assertNoProblems("probes", problems);
    }

    @Test
    @DisplayName("every container has memory limits and requests")
    void everyContainerHasMemoryLimits() {
        List<String> problems = new ArrayList<>();
        for (Container c : containers()) {
            JsonNode resources = c.container().path("resources");
            if (resources.path("limits").path("memory").asString("").isEmpty()) {
                problems.add(c.where() + " has no resources.limits.memory: the JVM sizes its heap from it, and without it one pod can take a node's memory");
            }
            if (resources.path("requests").path("memory").asString("").isEmpty() || resources.path("requests").path("cpu").asString("").isEmpty()) {
                problems.add(c.where() + " has no resources.requests for memory and cpu: the scheduler cannot place it sensibly");
            }
        }
        assertNoProblems("resources", problems);
    }

    @Test
    @DisplayName("every container runs as non-root, without privilege escalation, on a pinned image")
    void containersAreHardenedAndPinned() {
        List<String> problems = new ArrayList<>();
        for (Container c : containers()) {
            boolean nonRoot = c.container().path("securityContext").path("runAsNonRoot").asBoolean(false)
                    || c.pod().path("securityContext").path("runAsNonRoot").asBoolean(false);
            if (!nonRoot) {
                problems.add(c.where() + " does not set runAsNonRoot: true");
            }
            if (c.container().path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(c.where() + " does not set allowPrivilegeEscalation: false");
            }
            String image = c.container().path("image").asString("");
            ImageReference.pinningProblem(image).ifPresent(p -> problems.add(c.where() + ": image " + p));
        }
        assertNoProblems("container security", problems);
    }

    @Test
    @DisplayName("configuration comes from ConfigMaps that exist")
    void configMapsResolve() {
        List<String> problems = new ArrayList<>();
        for (Container c : containers()) {
            boolean fromConfigMap = false;
            for (JsonNode source : c.container().path("envFrom")) {
                String name = source.path("configMapRef").path("name").asString("");
                if (!name.isEmpty()) {
                    fromConfigMap = true;
                    if (find("ConfigMap", name).isEmpty() && !source.path("configMapRef").path("optional").asBoolean(false)) {
                        problems.add(c.where() + " reads ConfigMap '" + name + "', which is not in deploy/k8s");
                    }
                }
                String secret = source.path("secretRef").path("name").asString("");
                if (!secret.isEmpty() && !source.path("secretRef").path("optional").asBoolean(false) && find("Secret", secret).isEmpty()) {
                    problems.add(c.where() + " needs Secret '" + secret + "', which nothing here creates: mark it optional or document it");
                }
            }
            if (!fromConfigMap) {
                problems.add(c.where() + " takes no configuration from a ConfigMap (envFrom configMapRef)");
            }
        }
        assertNoProblems("configuration", problems);
    }

    @Test
    @DisplayName("every Service selects pods that serve its target port; only the gateway is exposed")
    void servicesFindTheirPods() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : ofKind("Service")) {
            JsonNode spec = service.getValue().path("spec");
            String type = spec.path("type").asString("ClusterIP");
            if (type.equals("ExternalName")) {
                if (spec.path("externalName").asString("").isEmpty()) {
                    problems.add(describe(service) + " is an ExternalName service without externalName");
                }
                continue;
            }
            if (!type.equals("ClusterIP")) {
                problems.add(describe(service) + " is of type " + type + ": only the Ingress exposes the system (through the gateway)");
            }
            Map<String, String> selector = new LinkedHashMap<>();
            spec.path("selector").properties().forEach(e -> selector.put(e.getKey(), e.getValue().asString()));
            List<Container> selected = containers().stream().filter(c -> {
                JsonNode labels = c.labels();
                return !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.path(e.getKey()).asString(null)));
            }).toList();
            if (selected.isEmpty()) {
                problems.add(describe(service) + " selects " + selector + ", which matches no pod template");
                continue;
            }
            for (JsonNode port : spec.path("ports")) {
                JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
                boolean served = selected.stream().anyMatch(c -> {
                    for (JsonNode cp : c.container().path("ports")) {
                        if (target.isNumber() ? cp.path("containerPort").asInt() == target.asInt() : cp.path("name").asString("").equals(target.asString())) {
                            return true;
                        }
                    }
                    return false;
                });
                if (!served) {
                    problems.add(describe(service) + ": targetPort " + target.asString() + " is not a port of the selected containers");
                }
            }
        }
        for (Map.Entry<String, JsonNode> ingress : ofKind("Ingress")) {
            for (JsonNode rule : ingress.getValue().path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String backend = path.path("backend").path("service").path("name").asString("");
                    if (!backend.equals("gateway") && !backend.equals(ComposeRules.IDENTITY_SERVICE)) {
                        problems.add(describe(ingress) + " routes to '" + backend + "': only the gateway (and the identity service's sign-in pages) are public");
                    }
                }
            }
        }
        assertNoProblems("services", problems);
    }

    @Test
    @DisplayName("the cluster runs what docker-compose.yml runs, on the same ports, with hosts that resolve")
    void manifestsMatchTheComposeFile() {
        ComposeFile compose = ComposeFile.read(root.resolve("docker-compose.yml"));
        List<String> problems = new ArrayList<>();
        Set<String> services = new TreeSet<>();
        ofKind("Service").forEach(s -> services.add(s.getValue().path("metadata").path("name").asString()));
        for (String name : compose.applicationServices()) {
            Optional<JsonNode> deployment = find("Deployment", name);
            if (deployment.isEmpty()) {
                problems.add("docker-compose.yml runs '" + name + "', but deploy/k8s has no Deployment '" + name + "'");
                continue;
            }
            if (!services.contains(name)) {
                problems.add("deploy/k8s has no Service '" + name + "', so nothing reaches the Deployment by its name");
            }
            for (JsonNode container : deployment.get().at("/spec/template/spec/containers")) {
                Map<String, String> env = environment(container);
                String composePort = compose.environment(name).get("SERVER_PORT");
                if (!String.valueOf(composePort).equals(env.get("SERVER_PORT"))) {
                    problems.add("Deployment '" + name + "' gets SERVER_PORT " + env.get("SERVER_PORT") + ", docker-compose.yml uses " + composePort);
                }
                boolean portDeclared = false;
                for (JsonNode cp : container.path("ports")) {
                    portDeclared |= cp.path("containerPort").asString().equals(env.get("SERVER_PORT"));
                }
                if (!portDeclared) {
                    problems.add("Deployment '" + name + "' does not declare containerPort " + env.get("SERVER_PORT") + " (its SERVER_PORT)");
                }
                boolean readsSecret = false;
                for (JsonNode source : container.path("envFrom")) {
                    readsSecret |= source.path("secretRef").path("name").asString("").equals(name);
                }
                for (Map.Entry<String, String> variable : compose.environment(name).entrySet()) {
                    // a secret compose insists on from the environment (${VAR:?…}) comes from the service's Secret
                    if (readsSecret && String.valueOf(variable.getValue()).contains(":?")) {
                        continue;
                    }
                    if (!env.containsKey(variable.getKey())) {
                        problems.add("Deployment '" + name + "' lacks " + variable.getKey() + ", which docker-compose.yml gives it");
                    }
                }
                // Every host the service is configured to reach is a Service of the manifests.
                env.forEach((variable, value) -> {
                    String host = null;
                    if (variable.endsWith("_URL") && value.startsWith("http://")) {
                        host = value.substring("http://".length()).split("[:/]")[0];
                    } else if (variable.equals("KAFKA_BOOTSTRAP_SERVERS")) {
                        host = value.split(",")[0].split(":")[0];
                    } else if (variable.equals("MONGODB_URI")) {
                        host = value.replaceFirst("^mongodb://([^@/]+@)?", "").split("[:/,?]")[0];
                    } else if (variable.equals("SMTP_HOST")) {
                        host = value;
                    }
                    if (host != null && !services.contains(host)) {
                        problems.add("Deployment '" + name + "': " + variable + " points at '" + host + "', which is no Service in deploy/k8s");
                    }
                });
            }
        }
        assertNoProblems("deploy/k8s against docker-compose.yml", problems);
    }

    @Test
    @DisplayName("kustomization.yaml lists every manifest")
    void kustomizationListsEveryManifest() {
        Path kustomization = k8s.resolve("kustomization.yaml");
        JsonNode k = RepositoryFiles.readYaml(kustomization);
        Set<String> listed = new TreeSet<>();
        k.path("resources").forEach(r -> listed.add(r.asString()));
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(k8s)) {
            list.map(p -> p.getFileName().toString())
                    .filter(f -> (f.endsWith(".yaml") || f.endsWith(".yml")) && !f.equals("kustomization.yaml"))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(listed).as("resources of " + kustomization).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    @DisplayName("every Deployment has a PodDisruptionBudget that keeps all but one of its pods through a drain")
    void everyDeploymentHasADisruptionBudget() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> deployment : ofKind("Deployment")) {
            JsonNode podLabels = deployment.getValue().at("/spec/template/metadata/labels");
            int replicas = deployment.getValue().at("/spec/replicas").asInt(1);
            List<JsonNode> budgets = ofKind("PodDisruptionBudget").stream().map(Map.Entry::getValue)
                    .filter(pdb -> selects(pdb.at("/spec/selector/matchLabels"), podLabels)).toList();
            if (budgets.size() != 1) {
                problems.add(describe(deployment) + " is selected by " + budgets.size() + " PodDisruptionBudgets, not 1");
                continue;
            }
            JsonNode spec = budgets.get(0).path("spec");
            boolean keepsOthers = spec.path("maxUnavailable").asInt(-1) == 1
                    || (spec.has("minAvailable") && spec.path("minAvailable").asInt() == replicas - 1);
            if (!keepsOthers || replicas < 2) {
                problems.add(describe(deployment) + ": its budget (" + spec + ") with " + replicas
                        + " replicas does not keep the service up while one pod is away");
            }
        }
        assertNoProblems("PodDisruptionBudgets", problems);
    }

    @Test
    @DisplayName("the gateway and the identity service scale on CPU, the consumer services on consumer lag (KEDA), never both")
    void everyDeploymentHasExactlyOneAutoscaler() {
        Path keda = k8s.resolve("with-keda");
        List<JsonNode> scaledObjects = RepositoryFiles.readYamlDocuments(keda.resolve("scaled-objects.yaml")).stream()
                .filter(d -> "ScaledObject".equals(d.path("kind").asString())).toList();
        JsonNode overlay = RepositoryFiles.readYaml(keda.resolve("kustomization.yaml"));
        List<String> overlayResources = new ArrayList<>();
        overlay.path("resources").forEach(r -> overlayResources.add(r.asString()));
        assertThat(overlayResources).containsExactlyInAnyOrder("..", "scaled-objects.yaml");
        String bootstrap = find("ConfigMap", "civic-taskforce-common").orElseThrow().path("data").path("KAFKA_BOOTSTRAP_SERVERS")
                .asString();

        List<String> problems = new ArrayList<>();
        Map<String, String> scaledBy = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> hpa : ofKind("HorizontalPodAutoscaler")) {
            JsonNode spec = hpa.getValue().path("spec");
            String target = spec.at("/scaleTargetRef/name").asString();
            Optional<JsonNode> deployment = find("Deployment", target);
            if (deployment.isEmpty() || !"Deployment".equals(spec.at("/scaleTargetRef/kind").asString())) {
                problems.add(describe(hpa) + " scales '" + target + "', which is no Deployment here");
                continue;
            }
            if (spec.path("minReplicas").asInt() < 2 || spec.path("maxReplicas").asInt() < spec.path("minReplicas").asInt()) {
                problems.add(describe(hpa) + ": minReplicas must be at least 2 and at most maxReplicas");
            }
            for (JsonNode container : deployment.get().at("/spec/template/spec/containers")) {
                if (container.at("/resources/requests/cpu").asString("").isEmpty()) {
                    problems.add(describe(hpa) + ": container '" + container.path("name").asString()
                            + "' requests no CPU, so CPU utilization cannot be computed");
                }
            }
            if (scaledBy.put(target, "HPA") != null) {
                problems.add("'" + target + "' has more than one autoscaler");
            }
        }
        for (JsonNode scaled : scaledObjects) {
            String name = scaled.at("/metadata/name").asString();
            String target = scaled.at("/spec/scaleTargetRef/name").asString();
            if (find("Deployment", target).isEmpty()) {
                problems.add("ScaledObject '" + name + "' scales '" + target + "', which is no Deployment here");
                continue;
            }
            if (scaledBy.put(target, "KEDA") != null) {
                problems.add("'" + target + "' has both an HPA and a ScaledObject (KEDA makes its own HPA)");
            }
            int max = scaled.at("/spec/maxReplicaCount").asInt();
            if (max > org.civictaskforce.contracts.Topics.PARTITIONS || scaled.at("/spec/minReplicaCount").asInt() < 2) {
                problems.add("ScaledObject '" + name + "': between 2 and " + org.civictaskforce.contracts.Topics.PARTITIONS
                        + " replicas (the partitions of a topic), not up to " + max);
            }
            boolean lag = false;
            for (JsonNode trigger : scaled.at("/spec/triggers")) {
                if (!"kafka".equals(trigger.path("type").asString())) {
                    continue;
                }
                lag = true;
                // the service's consumer group is its spring.application.name, which is its Deployment's name
                if (!target.equals(trigger.at("/metadata/consumerGroup").asString())) {
                    problems.add("ScaledObject '" + name + "' watches consumer group '"
                            + trigger.at("/metadata/consumerGroup").asString() + "', not '" + target + "'");
                }
                if (!bootstrap.equals(trigger.at("/metadata/bootstrapServers").asString())) {
                    problems.add("ScaledObject '" + name + "' asks Kafka at '" + trigger.at("/metadata/bootstrapServers").asString()
                            + "', the services at '" + bootstrap + "'");
                }
            }
            if (!lag) {
                problems.add("ScaledObject '" + name + "' has no kafka (consumer lag) trigger");
            }
        }
        for (Map.Entry<String, JsonNode> deployment : ofKind("Deployment")) {
            String name = deployment.getValue().at("/metadata/name").asString();
            if (!scaledBy.containsKey(name)) {
                problems.add(describe(deployment) + " has no autoscaler (an HPA here, or a ScaledObject in with-keda)");
            }
        }
        assertThat(scaledBy).containsEntry("gateway", "HPA").containsEntry("identity-service", "HPA")
                .containsEntry("notification-service", "KEDA");
        assertNoProblems("autoscalers", problems);
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> label : selector.properties()) {
            if (!label.getValue().asString().equals(labels.path(label.getKey()).asString(null))) {
                return false;
            }
        }
        return true;
    }
}
