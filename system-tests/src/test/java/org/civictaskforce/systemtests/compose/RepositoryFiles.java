package org.civictaskforce.systemtests.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The repository's deployment files, found from the system-tests module (Surefire runs in the module's folder,
 * an IDE may run from the repository root), and the YAML reader used for all of them.
 */
final class RepositoryFiles {

    /**
     * Duplicate keys are an error, as in {@code docker compose} and {@code kubectl}. YAML merge keys
     * ({@code <<: *anchor}) are not expanded by this reader, so the deployment files do not use them.
     */
    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern FINAL_NAME = Pattern.compile("<finalName>\\s*([^<\\s]+)\\s*</finalName>");

    private RepositoryFiles() {
    }

    /** The repository root: the nearest folder upwards with docker-compose.yml, pom.xml and system-tests/. */
    static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))
                    && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("system-tests"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (a folder with docker-compose.yml, pom.xml and system-tests/) at or above " + start);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static JsonNode readYaml(Path file) {
        return YAML.readTree(file);
    }

    /** Every document of a multi-document YAML file (documents that are empty are left out). */
    static List<JsonNode> readYamlDocuments(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file)) {
            while (it.hasNextValue()) {
                JsonNode document = it.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    /** The {@code <modules>} of the root pom, in order. */
    static List<String> modules(Path root) {
        List<String> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(withoutXmlComments(read(root.resolve("pom.xml"))));
        while (m.find()) {
            modules.add(m.group(1));
        }
        return modules;
    }

    /** The module's {@code <build><finalName>}, if it sets one. */
    static Optional<String> finalName(Path root, String module) {
        Matcher m = FINAL_NAME.matcher(withoutXmlComments(read(root.resolve(module).resolve("pom.xml"))));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether the module is a runnable Spring Boot application (it declares spring-boot-maven-plugin). */
    static boolean isBootApplication(Path root, String module) {
        return withoutXmlComments(read(root.resolve(module).resolve("pom.xml"))).contains("<artifactId>spring-boot-maven-plugin</artifactId>");
    }

    private static String withoutXmlComments(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", "");
    }
}
