package org.civictaskforce.systemtests.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * A parsed docker-compose.yml, with the few notions the rules need.
 *
 * <ul>
 * <li>An <em>application service</em> is built from this repository's Dockerfile ({@code build:}), the Maven
 * module named by its {@code SERVICE} build argument. All others are <em>infrastructure</em> (Kafka, MongoDB,
 * the mail catcher) and run a published image.</li>
 * <li>The <em>gateway</em> is the application service built from the {@code gateway} module; the other
 * application services are its <em>backends</em>.</li>
 * <li>A <em>one-shot</em> service (an init job) runs once and exits: its restart policy is {@code no} or
 * {@code on-failure}.</li>
 * </ul>
 */
final class ComposeFile {

    static final String GATEWAY_MODULE = "gateway";

    private final JsonNode root;

    ComposeFile(JsonNode root) {
        this.root = root;
    }

    static ComposeFile read(Path file) {
        return new ComposeFile(RepositoryFiles.readYaml(file));
    }

    JsonNode root() {
        return root;
    }

    List<String> serviceNames() {
        return new ArrayList<>(root.path("services").propertyNames());
    }

    boolean hasService(String name) {
        return root.path("services").has(name);
    }

    JsonNode service(String name) {
        return root.path("services").path(name);
    }

    boolean isApplication(String name) {
        return service(name).has("build");
    }

    List<String> applicationServices() {
        return serviceNames().stream().filter(this::isApplication).toList();
    }

    List<String> infrastructureServices() {
        return serviceNames().stream().filter(name -> !isApplication(name)).toList();
    }

    /** The Maven module an application service is built from: its {@code SERVICE} build argument. */
    Optional<String> moduleOf(String name) {
        JsonNode build = service(name).path("build");
        return Optional.ofNullable(keyValues(build.path("args")).get("SERVICE"));
    }

    Optional<String> gateway() {
        return applicationServices().stream().filter(name -> moduleOf(name).filter(GATEWAY_MODULE::equals).isPresent()).findFirst();
    }

    List<String> backends() {
        Optional<String> gateway = gateway();
        return applicationServices().stream().filter(name -> gateway.map(g -> !g.equals(name)).orElse(true)).toList();
    }

    Optional<String> image(String name) {
        JsonNode image = service(name).path("image");
        return image.isString() ? Optional.of(image.asString()) : Optional.empty();
    }

    Map<String, String> environment(String name) {
        return keyValues(service(name).path("environment"));
    }

    boolean isOneShot(String name) {
        JsonNode restart = service(name).path("restart");
        if (restart.isMissingNode() || restart.isNull()) {
            return true; // Compose's default restart policy is "no"
        }
        String policy = restart.asString();
        return policy.equals("no") || policy.startsWith("on-failure");
    }

    /**
     * The services this one depends on, with the condition it waits for: {@code null} for the short (list)
     * syntax, which only waits for the container to start.
     */
    Map<String, String> dependencies(String name) {
        JsonNode dependsOn = service(name).path("depends_on");
        Map<String, String> dependencies = new LinkedHashMap<>();
        if (dependsOn.isArray()) {
            dependsOn.forEach(d -> dependencies.put(d.asString(), null));
        } else if (dependsOn.isObject()) {
            dependsOn.properties().forEach(e -> {
                JsonNode condition = e.getValue().path("condition");
                dependencies.put(e.getKey(), condition.isString() ? condition.asString() : null);
            });
        }
        return dependencies;
    }

    /** The healthcheck's test as one string (exec form joined with spaces), or empty. */
    Optional<String> healthcheckTest(String name) {
        JsonNode test = service(name).path("healthcheck").path("test");
        if (test.isString()) {
            return Optional.of(test.asString());
        }
        if (test.isArray() && !test.isEmpty()) {
            List<String> parts = new ArrayList<>();
            test.forEach(part -> parts.add(part.asString()));
            return Optional.of(String.join(" ", parts));
        }
        return Optional.empty();
    }

    /** {@code environment}, {@code args}, {@code labels}: Compose accepts a map or a list of KEY=VALUE. */
    static Map<String, String> keyValues(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(e -> values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asString()));
        } else if (node.isArray()) {
            node.forEach(item -> {
                String entry = item.asString();
                int eq = entry.indexOf('=');
                values.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
            });
        }
        return values;
    }
}
