package org.civictaskforce.systemtests.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civictaskforce.devstack.DevstackService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The devstack's list of runnable services ({@link DevstackService}) is the one list: the Maven modules that are Spring
 * Boot applications, the application services of docker-compose, the Deployments of the Kubernetes manifests and the
 * gateway's routes are checked against it, so a service added or renamed in one place and not the others fails here.
 */
class ServiceListTest {
    private static final Pattern ROUTE_TARGET = Pattern.compile("\\$\\{([A-Z_]+_URL):http://localhost:(\\d+)}");
    private final Path root = RepositoryFiles.root();

    private static Set<String> listed() {
        return Arrays.stream(DevstackService.values()).map(DevstackService::module)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    @DisplayName("the runnable Maven modules are the listed services")
    void theRunnableModulesAreTheListedServices() {
        Set<String> runnable = RepositoryFiles.modules(root).stream()
                .filter(module -> RepositoryFiles.isBootApplication(root, module)).collect(Collectors.toCollection(TreeSet::new));

        assertThat(runnable).isEqualTo(listed());
    }

    @Test
    @DisplayName("docker-compose builds exactly the listed services")
    void composeBuildsTheListedServices() {
        ComposeFile compose = ComposeFile.read(root.resolve("docker-compose.yml"));

        Set<String> built = compose.applicationServices().stream().map(name -> compose.moduleOf(name).orElse(name))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(built).isEqualTo(listed());
    }

    @Test
    @DisplayName("Kubernetes deploys each listed service from its own manifest")
    void kubernetesDeploysTheListedServices() throws IOException {
        Set<String> deployed = new TreeSet<>();
        try (Stream<Path> files = Files.list(root.resolve("deploy").resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (JsonNode document : RepositoryFiles.readYamlDocuments(file)) {
                    if ("Deployment".equals(document.path("kind").asString())
                            && !file.getFileName().toString().startsWith("infrastructure")) {
                        String name = document.path("metadata").path("name").asString();
                        assertThat(file.getFileName().toString()).as("the manifest of %s", name).isEqualTo(name + ".yaml");
                        deployed.add(name);
                    }
                }
            }
        }

        assertThat(deployed).isEqualTo(listed());
    }

    @Test
    @DisplayName("the gateway routes to every listed backend, by its variable and at its default port, and to nothing else")
    void theGatewayRoutesToTheListedBackends() {
        String gatewayConfig = RepositoryFiles.read(root.resolve("gateway/src/main/resources/application.yml"));
        Set<String> targets = new TreeSet<>();
        Matcher route = ROUTE_TARGET.matcher(gatewayConfig);
        while (route.find()) {
            targets.add(route.group(1) + "=" + route.group(2));
        }

        Set<String> expected = DevstackService.backends().stream().map(s -> s.urlVariable() + "=" + s.defaultPort())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(targets).isEqualTo(expected);
    }
}
