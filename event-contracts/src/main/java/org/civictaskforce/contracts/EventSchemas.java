package org.civictaskforce.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * Validates events against the published JSON Schemas: the envelope schema, then the payload schema
 * named by the envelope's {@code type} and {@code schemaversion}. Producers' and consumers' tests use
 * this so a change on either side that breaks the contract fails a build.
 */
public final class EventSchemas {
    public static final String ENVELOPE_SCHEMA = "/schemas/envelope.v1.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Every violation of the envelope and payload schemas; empty when the event is valid. */
    public static List<String> violations(String envelopeJson) {
        JsonNode envelope = EventJson.MAPPER.readTree(envelopeJson);
        List<String> problems = new ArrayList<>(messages(schema(ENVELOPE_SCHEMA).validate(envelope)));
        if (!problems.isEmpty()) {
            return problems;
        }
        String path = EventTypes.schemaPath(envelope.get("type").asString(), envelope.get("schemaversion").asInt());
        if (EventSchemas.class.getResource(path) == null) {
            return List.of("no published schema " + path);
        }
        problems.addAll(messages(schema(path).validate(envelope.get("data"))));
        return problems;
    }

    /** Violations of a named schema by a JSON document, e.g. a contacts-topic record. */
    public static List<String> violations(String schemaPath, String json) {
        return messages(schema(schemaPath).validate(EventJson.MAPPER.readTree(json)));
    }

    public static boolean hasSchemaFor(Class<?> eventClass) {
        return EventSchemas.class.getResource(
                EventTypes.schemaPath(EventTypes.typeOf(eventClass), EventTypes.versionOf(eventClass))) != null;
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    private static Schema schema(String path) {
        return CACHE.computeIfAbsent(path, p -> {
            try (InputStream in = EventSchemas.class.getResourceAsStream(p)) {
                if (in == null) {
                    throw new IllegalArgumentException("no schema at " + p);
                }
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
