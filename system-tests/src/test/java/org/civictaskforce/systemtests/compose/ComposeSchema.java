package org.civictaskforce.systemtests.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Compose Specification's JSON schema, as the npm package {@code dclint} ships it
 * ({@code schemas/compose.schema.json}, a verbatim copy of the compose-spec project's
 * {@code schema/compose-spec.json}). system-tests/compose-schema/package.json pins the package; the Maven build
 * installs it with {@code npm ci} (system-tests/pom.xml). Nothing is downloaded while the tests run.
 */
final class ComposeSchema {

    static final String PACKAGE = "dclint";
    static final Path PACKAGE_DIR = Path.of("system-tests", "compose-schema");
    static final Path SCHEMA_IN_PACKAGE = Path.of("schemas", "compose.schema.json");

    /** The ways draft-07 is written in {@code $schema}; the compose schema uses the https form. */
    static final Set<String> DRAFT_7_IDS = Set.of(
            "http://json-schema.org/draft-07/schema#", "http://json-schema.org/draft-07/schema",
            "https://json-schema.org/draft-07/schema#", "https://json-schema.org/draft-07/schema");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ComposeSchema() {
    }

    static Path packageDir(Path repositoryRoot) {
        return repositoryRoot.resolve(PACKAGE_DIR);
    }

    static Path installedPackage(Path repositoryRoot) {
        return packageDir(repositoryRoot).resolve("node_modules").resolve(PACKAGE);
    }

    static Path schemaFile(Path repositoryRoot) {
        Path file = installedPackage(repositoryRoot).resolve(SCHEMA_IN_PACKAGE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The Compose Specification schema is not installed at " + file
                    + ": run the Maven build of system-tests (its generate-test-resources phase runs 'npm ci' in "
                    + packageDir(repositoryRoot) + "), or run 'npm ci' there yourself");
        }
        return file;
    }

    /** The dclint version package.json asks for. */
    static String requiredVersion(Path repositoryRoot) {
        return readJson(packageDir(repositoryRoot).resolve("package.json")).path("dependencies").path(PACKAGE).asString();
    }

    /** The dclint version in node_modules. */
    static String installedVersion(Path repositoryRoot) {
        return readJson(installedPackage(repositoryRoot).resolve("package.json")).path("version").asString();
    }

    static JsonNode schemaNode(Path repositoryRoot) {
        return readJson(schemaFile(repositoryRoot));
    }

    static Schema load(Path repositoryRoot) {
        // Draft-07 plus the annotation "deprecated" (a draft 2019-09 keyword the compose schema uses on
        // "version"), so the validator knows it instead of warning about an unknown keyword.
        Dialect draft7 = Dialect.builder(Dialects.getDraft7()).keyword(new AnnotationKeyword("deprecated")).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(draft7);
        Path file = schemaFile(repositoryRoot);
        // The schema's $id is relative ("compose_spec.json"): it resolves against the file's own location.
        try (InputStream in = Files.newInputStream(file)) {
            return registry.getSchema(SchemaLocation.of(file.toUri().toString()), in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each error as "location: message". */
    static List<String> validate(Schema schema, JsonNode document) {
        List<Error> errors = schema.validate(document);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
