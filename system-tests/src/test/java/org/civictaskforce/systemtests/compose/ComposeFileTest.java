package org.civictaskforce.systemtests.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docker-compose.yml and the Dockerfile cannot be run on the machines that build this project (no Docker
 * engine), so this test checks them instead: the compose file against the official Compose Specification JSON
 * schema (from the npm package dclint, see {@link ComposeSchema}), then the rules that make it run the way the
 * architecture says (see {@link ComposeRules} and {@link Dockerfile}). Every failure names the service or line
 * and what is wrong.
 *
 * <p>The nested tests feed the same rules deliberately broken files (src/test/resources/compose/), so a rule
 * that stopped seeing anything would fail here rather than pass in silence.
 */
class ComposeFileTest {

    private static Path root;
    private static ComposeFile compose;
    private static Dockerfile dockerfile;

    @BeforeAll
    static void readFiles() {
        root = RepositoryFiles.root();
        compose = ComposeFile.read(root.resolve("docker-compose.yml"));
        dockerfile = Dockerfile.read(root.resolve("Dockerfile"));
    }

    static void assertNoProblems(String rule, List<String> problems) {
        assertTrue(problems.isEmpty(), () -> rule + ":\n  - " + String.join("\n  - ", problems));
    }

    // --- the Compose Specification --------------------------------------------------------------------------

    @Test
    @DisplayName("the installed schema package is the version package.json pins")
    void schemaPackageIsThePinnedVersion() {
        ComposeSchema.schemaFile(root); // fails with instructions when it is not installed
        assertEquals(ComposeSchema.requiredVersion(root), ComposeSchema.installedVersion(root),
                () -> "node_modules holds " + ComposeSchema.PACKAGE + " " + ComposeSchema.installedVersion(root) + " but "
                        + ComposeSchema.packageDir(root).resolve("package.json") + " asks for " + ComposeSchema.requiredVersion(root)
                        + ": delete " + ComposeSchema.packageDir(root).resolve("node_modules") + " and run the build again");
    }

    @Test
    @DisplayName("the schema is written in JSON Schema draft-07, the dialect the validator is set to")
    void schemaDeclaresDraft7() {
        String declared = ComposeSchema.schemaNode(root).path("$schema").asString("");
        assertTrue(ComposeSchema.DRAFT_7_IDS.contains(declared),
                () -> "the Compose schema declares $schema '" + declared + "', but ComposeSchema validates with draft-07: change the dialect in ComposeSchema.load");
    }

    @Test
    @DisplayName("docker-compose.yml is valid against the Compose Specification schema")
    void composeFileIsValidAgainstTheComposeSpecification() {
        Schema schema = ComposeSchema.load(root);
        assertNoProblems("docker-compose.yml does not follow the Compose Specification", ComposeSchema.validate(schema, compose.root()));
    }

    // --- docker-compose.yml -------------------------------------------------------------------------------

    @Test
    @DisplayName("the file runs the system: infrastructure, four backends and the gateway")
    void fileHasTheWholeSystem() {
        assertTrue(compose.gateway().isPresent(), "no service is built with SERVICE=gateway");
        assertThat(compose.backends()).as("application services behind the gateway").hasSizeGreaterThanOrEqualTo(4);
        assertThat(compose.infrastructureServices()).as("infrastructure services").contains("kafka", "mongodb", "mailpit");
    }

    @Test
    @DisplayName("every service has a healthcheck")
    void everyServiceHasAHealthcheck() {
        assertNoProblems("healthchecks", ComposeRules.healthchecks(compose));
    }

    @Test
    @DisplayName("every service has a memory limit")
    void everyServiceHasAMemoryLimit() {
        assertNoProblems("memory limits", ComposeRules.memoryLimits(compose));
    }

    @Test
    @DisplayName("every depends_on waits until the dependency is healthy (or a one-shot job has completed)")
    void dependenciesWaitUntilHealthy() {
        assertNoProblems("depends_on", ComposeRules.dependencies(compose));
    }

    @Test
    @DisplayName("every image, in docker-compose.yml and the Dockerfile, is pinned to an exact version")
    void imagesArePinned() {
        List<String> problems = new ArrayList<>(ComposeRules.pinnedImages(compose));
        problems.addAll(Dockerfile.pinnedBaseImages(dockerfile));
        assertNoProblems("unpinned images", problems);
    }

    @Test
    @DisplayName("only the gateway's application port (and the mail UI) is published on the host")
    void onlyTheGatewayIsPublished() {
        assertNoProblems("published ports", ComposeRules.publishedPorts(compose));
    }

    @Test
    @DisplayName("no application service has a container_name, so each can be scaled")
    void applicationServicesHaveNoContainerName() {
        assertNoProblems("container_name", ComposeRules.containerNames(compose));
    }

    @Test
    @DisplayName("long-running services restart unless stopped")
    void longRunningServicesRestart() {
        assertNoProblems("restart policies", ComposeRules.restartPolicies(compose));
    }

    @Test
    @DisplayName("each application service finds Kafka, MongoDB (its own database) and SMTP among the services of the file")
    void applicationServicesFindTheirInfrastructureInTheFile() {
        assertNoProblems("KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI / SMTP_HOST", ComposeRules.infrastructureEndpoints(compose));
    }

    @Test
    @DisplayName("SERVER_PORT, the readiness healthcheck and the gateway's URL agree for every application service")
    void portsAgree() {
        assertNoProblems("application ports", ComposeRules.applicationPorts(compose));
    }

    @Test
    @DisplayName("every Spring Boot module is built from the Dockerfile, with its jar where the Dockerfile looks")
    void everyBootModuleIsBuilt() {
        assertNoProblems("builds", ComposeRules.builds(compose, root));
    }

    @Test
    @DisplayName("Kafka and MongoDB keep their data in declared named volumes")
    void dataLivesInNamedVolumes() {
        assertNoProblems("volumes", ComposeRules.dataVolumes(compose));
    }

    // --- Dockerfile ---------------------------------------------------------------------------------------

    @Test
    @DisplayName("the Dockerfile's runtime stage does not run as root")
    void runtimeStageDoesNotRunAsRoot() {
        assertNoProblems("Dockerfile user", Dockerfile.runtimeRunsAsNonRoot(dockerfile));
    }

    @Test
    @DisplayName("the Dockerfile copies every module's pom before the sources")
    void dockerfileCopiesEveryModulePom() {
        assertNoProblems("Dockerfile poms", Dockerfile.copiesEveryModulePom(dockerfile, RepositoryFiles.modules(root)));
    }

    @Test
    @DisplayName("the image runs /app/app.jar with a heap sized from the container's memory limit")
    void runtimeRunsAppJarSizedForContainers() {
        assertNoProblems("Dockerfile entrypoint", Dockerfile.containerAwareEntrypoint(dockerfile));
    }

    @Test
    @DisplayName("the program each service healthcheck runs exists in the runtime image")
    void healthcheckProbeExistsInTheImage() {
        List<String> problems = new ArrayList<>();
        for (String name : compose.applicationServices()) {
            compose.healthcheckTest(name).ifPresent(test -> {
                String program = healthcheckProgram(test);
                problems.addAll(Dockerfile.probeAvailable(dockerfile, program, "the healthcheck of service '" + name + "'"));
            });
        }
        for (Dockerfile.Instruction healthcheck : dockerfile.runtimeStage().orElseThrow().all("HEALTHCHECK")) {
            Matcher cmd = Pattern.compile("\\bCMD\\s+(\\S+)").matcher(healthcheck.arguments());
            if (cmd.find()) {
                problems.addAll(Dockerfile.probeAvailable(dockerfile, cmd.group(1), "the Dockerfile's HEALTHCHECK (line " + healthcheck.line() + ")"));
            }
        }
        assertNoProblems("healthcheck probes", problems);
    }

    @Test
    @DisplayName(".dockerignore keeps build output, local run data and .git out of the build context")
    void dockerignoreExcludesBuildOutput() {
        List<String> patterns = RepositoryFiles.read(root.resolve(".dockerignore")).lines()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(patterns).as(".dockerignore").contains("**/target", "**/.devstack-data", ".git");
    }

    /** The program a compose healthcheck runs: CMD's first argument, or the first word of a CMD-SHELL command. */
    static String healthcheckProgram(String test) {
        String[] words = test.trim().split("\\s+");
        int first = words[0].equals("CMD") || words[0].equals("CMD-SHELL") ? 1 : 0;
        while (first < words.length - 1 && words[first].matches("[A-Z_]+=.*")) {
            first++; // VAR=value prefixes of a shell command
        }
        return words[first];
    }

    // --- the rules see mistakes ---------------------------------------------------------------------------

    @Nested
    @DisplayName("the checks catch mistakes")
    class TheChecksCatchMistakes {

        @Test
        @DisplayName("the schema rejects misspelt keys and unknown conditions")
        void schemaRejectsAnInvalidFile() {
            JsonNode invalid = fixture("schema-invalid-compose.yml");
            String errors = String.join("\n", ComposeSchema.validate(ComposeSchema.load(root), invalid));
            assertThat(errors).as("schema errors for schema-invalid-compose.yml")
                    .contains("intervall")
                    .contains("memroy")
                    .contains("restart_policy")
                    .contains("condition");
        }

        @Test
        @DisplayName("a schema-valid file that breaks every rule is reported rule by rule")
        void rulesReportABrokenFile() {
            ComposeFile broken = new ComposeFile(fixture("rule-breaking-compose.yml"));
            assertNoProblems("rule-breaking-compose.yml must be valid Compose, so that only the rules find its faults",
                    ComposeSchema.validate(ComposeSchema.load(root), broken.root()));

            assertThat(ComposeRules.healthchecks(broken)).anyMatch(p -> p.startsWith("service 'mongodb' has no healthcheck"));
            assertThat(ComposeRules.memoryLimits(broken))
                    .anyMatch(p -> p.startsWith("service 'kafka' has no memory limit"))
                    .anyMatch(p -> p.startsWith("service 'mongodb' sets two different memory limits"))
                    .anyMatch(p -> p.startsWith("service 'membership-service' is limited to 256 MiB"));
            assertThat(ComposeRules.dependencies(broken))
                    .anyMatch(p -> p.contains("'membership-service' depends on 'kafka' without a condition"))
                    .anyMatch(p -> p.contains("condition: service_started"))
                    .anyMatch(p -> p.contains("waits for 'mongodb' to be healthy, but 'mongodb' has no healthcheck"));
            assertThat(ComposeRules.pinnedImages(broken))
                    .anyMatch(p -> p.contains("'apache/kafka' has no tag"))
                    .anyMatch(p -> p.contains("'mongo:latest' uses the moving tag 'latest'"))
                    .anyMatch(p -> p.contains("'axllent/mailpit:v1' uses the tag 'v1', which moves"));
            assertThat(ComposeRules.publishedPorts(broken))
                    .anyMatch(p -> p.startsWith("service 'membership-service' publishes port(s) [8081]"))
                    .anyMatch(p -> p.startsWith("infrastructure service 'kafka' publishes container port 29092"))
                    .anyMatch(p -> p.startsWith("service 'gateway' publishes container port 9090"))
                    .noneMatch(p -> p.contains("'mailpit'"));
            assertThat(ComposeRules.containerNames(broken)).anyMatch(p -> p.startsWith("service 'membership-service' sets container_name 'membership'"));
            assertThat(ComposeRules.restartPolicies(broken)).anyMatch(p -> p.startsWith("service 'research-service' has restart: (none)"));
            assertThat(ComposeRules.infrastructureEndpoints(broken))
                    .anyMatch(p -> p.contains("KAFKA_BOOTSTRAP_SERVERS uses kafka:29092"))
                    .anyMatch(p -> p.contains("MONGODB_URI points at 'mongo', which is not a service"))
                    .anyMatch(p -> p.contains("names database 'membership', but this service owns the database 'research'"))
                    .anyMatch(p -> p.contains("share the database 'membership'"));
            assertThat(ComposeRules.applicationPorts(broken))
                    .anyMatch(p -> p.contains("'membership-service': the healthcheck asks port 8080, but SERVER_PORT is 8081"))
                    .anyMatch(p -> p.contains("asks /actuator/health instead of /actuator/health/readiness"))
                    .anyMatch(p -> p.contains("the gateway's MEMBERSHIP_URL is http://membership-service:8080"))
                    .anyMatch(p -> p.contains("the gateway has no RESEARCH_URL"));
            assertThat(ComposeRules.builds(broken, root))
                    .anyMatch(p -> p.startsWith("module 'strategy-service' is a Spring Boot application but no service"));
            assertThat(ComposeRules.dataVolumes(broken))
                    .anyMatch(p -> p.startsWith("service 'kafka' (apache/kafka) keeps its data in the container"))
                    .anyMatch(p -> p.contains("mounts the volume 'mongo-data', which is not declared"));
        }

        @Test
        @DisplayName("a Dockerfile that runs as root, floats its images and skips poms is reported")
        void dockerfileRulesReportABrokenDockerfile() {
            Dockerfile broken = Dockerfile.parse(fixtureText("rule-breaking.Dockerfile"));
            assertThat(Dockerfile.runtimeRunsAsNonRoot(broken)).singleElement().asString().contains("has no USER instruction");
            assertThat(Dockerfile.pinnedBaseImages(broken))
                    .anyMatch(p -> p.contains("'maven:3-eclipse-temurin-17' uses the tag '3-eclipse-temurin-17', which moves"))
                    .anyMatch(p -> p.contains("'eclipse-temurin:17-jre-alpine' uses the tag"));
            assertThat(Dockerfile.copiesEveryModulePom(broken, List.of("platform-kit", "gateway")))
                    .anyMatch(p -> p.contains("does not copy platform-kit/pom.xml"))
                    .anyMatch(p -> p.contains("does not copy gateway/pom.xml"));
            assertThat(Dockerfile.containerAwareEntrypoint(broken))
                    .anyMatch(p -> p.contains("does not run /app/app.jar"))
                    .anyMatch(p -> p.contains("MaxRAMPercentage"));
            assertThat(Dockerfile.probeAvailable(broken, "curl", "the healthcheck"))
                    .singleElement().asString().contains("eclipse-temurin:17-jre-alpine");

            Dockerfile asRoot = Dockerfile.parse("FROM eclipse-temurin:17.0.20_8-jre-noble AS base\nUSER 10001\nFROM base\nUSER root:root\n");
            assertThat(Dockerfile.runtimeRunsAsNonRoot(asRoot)).singleElement().asString().contains("runs as root: USER root:root");
            Dockerfile inherits = Dockerfile.parse("FROM eclipse-temurin:17.0.20_8-jre-noble AS base\nUSER 10001:10001\nFROM base\nCMD [\"java\"]\n");
            assertThat(Dockerfile.runtimeRunsAsNonRoot(inherits)).as("USER carried over from the stage it is built on").isEmpty();
            Dockerfile installsCurl = Dockerfile.parse("FROM eclipse-temurin:17.0.20_8-jre-alpine\nRUN apk add --no-cache \\\n    curl\n");
            assertThat(Dockerfile.probeAvailable(installsCurl, "curl", "x")).isEmpty();
        }

        @Test
        @DisplayName("image references: tags, registries with ports, digests")
        void imageReferences() {
            assertThat(ImageReference.parse("registry.example.org:5000/team/app:1.2.3"))
                    .isEqualTo(new ImageReference("registry.example.org:5000/team/app", "1.2.3", null));
            assertThat(ImageReference.pinningProblem("registry.example.org:5000/team/app")).get().asString().contains("has no tag");
            assertThat(ImageReference.pinningProblem("mongo:8.0")).get().asString().contains("moves with new releases");
            assertThat(ImageReference.pinningProblem("mongo:${MONGO_VERSION:-8.0.29}")).get().asString().contains("variable");
            assertThat(ImageReference.pinningProblem("mongo@sha256:0123456789abcdef")).isEmpty();
            assertThat(ImageReference.pinningProblem("apache/kafka:4.1.2")).isEmpty();
            assertFalse(ImageReference.pinningProblem("eclipse-temurin:17.0.20_8-jre-noble").isPresent());
        }

        @Test
        @DisplayName("port mappings in short and long syntax")
        void portMappings() {
            JsonNode ports = RepositoryFiles.YAML.readTree("""
                    - "8080"
                    - "9090:8080"
                    - "127.0.0.1:8025:8025/tcp"
                    - "[::1]:6000:6001"
                    - target: 80
                      published: "8000"
                      host_ip: 0.0.0.0
                    """);
            assertThat(ComposeRules.portMappings(ports)).containsExactly(
                    new ComposeRules.PortMapping("", "", "8080"),
                    new ComposeRules.PortMapping("", "9090", "8080"),
                    new ComposeRules.PortMapping("127.0.0.1", "8025", "8025"),
                    new ComposeRules.PortMapping("::1", "6000", "6001"),
                    new ComposeRules.PortMapping("0.0.0.0", "8000", "80"));
        }

        @Test
        @DisplayName("the program of a healthcheck command")
        void healthcheckPrograms() {
            assertEquals("curl", healthcheckProgram("CMD curl -fsS http://localhost:8081/actuator/health/readiness"));
            assertEquals("/opt/kafka/bin/kafka-broker-api-versions.sh", healthcheckProgram("CMD-SHELL KAFKA_HEAP_OPTS=-Xmx64m /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092"));
            assertThat(Set.of(ComposeRules.urlVariableOf("membership-service"), ComposeRules.databaseOf("notification-service")))
                    .containsExactlyInAnyOrder("MEMBERSHIP_URL", "notification");
        }
    }

    static JsonNode fixture(String name) {
        return RepositoryFiles.YAML.readTree(fixtureText(name));
    }

    static String fixtureText(String name) {
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/compose/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource compose/" + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
