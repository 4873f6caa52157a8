package org.civictaskforce.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI 3 document of every topic and event ({@code src/main/resources/asyncapi.json}) is generated
 * from the JSON Schemas and {@link Topics}, so the two cannot drift: this test regenerates it and fails
 * when the committed copy differs. To accept a change: {@code ./mvnw -pl event-contracts test
 * -Dtest=AsyncApiDocumentTest -Dasyncapi.write=true}, then commit the file.
 */
class AsyncApiDocumentTest {
    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    private static final Path DOCUMENT = Path.of("src/main/resources/asyncapi.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Who publishes each topic and which consumer groups read it (their bindings are in each service's application.yml). */
    private record Channel(String topic, String producer, List<String> consumers, String description) {
    }

    private static final List<Channel> CHANNELS = List.of(
            new Channel(Topics.MEMBERSHIP_EVENTS, "membership-service",
                    List.of("research-service", "strategy-service", "notification-service", "identity-service"),
                    "Domain events of people, organisations, membership and meetings. Key: the aggregate id (subject)."),
            new Channel(Topics.MEMBERSHIP_CONTACTS, "membership-service", List.of("notification-service"),
                    "Compacted. Key: person id; value: the latest contact record; no value (tombstone): the person was "
                            + "erased. A tombstone keyed '" + Topics.CONTACTS_SEGMENT_ROLL_KEY
                            + "' only closes a segment for compaction and is nobody's contact. Never dead-lettered."),
            new Channel(Topics.RESEARCH_EVENTS, "research-service",
                    List.of("membership-service", "strategy-service", "notification-service"),
                    "Domain events of the catalogue, assignments, findings and the analytical note. Key: the aggregate id."),
            new Channel(Topics.STRATEGY_EVENTS, "strategy-service", List.of("notification-service"),
                    "Domain events of the strategy, consultations and the guide. Key: the aggregate id."));

    @Test
    void theCommittedDocumentIsTheOneTheSchemasGenerate() throws IOException {
        String generated = JSON.writeValueAsString(generate()) + "\n";
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
                .as("%s is out of date: regenerate it with -Dasyncapi.write=true (see this test's comment)", DOCUMENT)
                .isEqualTo(generated);
    }

    @Test
    void everyEventSchemaIsAMessageOfItsServicesTopic() throws IOException {
        JsonNode document = generate();
        List<String> types = eventSchemas().stream().map(AsyncApiDocumentTest::typeOf).toList();
        assertThat(types).isNotEmpty();
        for (String type : types) {
            String channel = channelKey(topicOf(type));
            assertThat(document.at("/channels/" + channel + "/messages/" + messageKey(type)).isMissingNode())
                    .as(type).isFalse();
        }
    }

    static ObjectNode generate() throws IOException {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Civic Taskforce events");
        info.put("version", "1.0.0");
        info.put("description", "Every topic and event the services publish on Kafka. Events are CloudEvents 1.0 in "
                + "structured JSON mode: the record value is the envelope, its `data` the event; `ce_id`, `ce_type` and "
                + "`ce_correlationid` are also record headers. Generated from event-contracts' JSON Schemas by "
                + "AsyncApiDocumentTest. A consumer group parks records it cannot process on `<topic>.<group>.dlt`. "
                + "Personal contact details travel only on membership.contacts.v1.");
        doc.put("defaultContentType", "application/json");
        ObjectNode servers = doc.putObject("servers");
        ObjectNode local = servers.putObject("local");
        local.put("host", "localhost:9092");
        local.put("protocol", "kafka");
        local.put("description", "the devstack's broker (./run-local.sh)");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode messages = components.putObject("messages");
        ObjectNode envelope = schema("envelope.v1.json");
        schemas.set("envelope", envelope);

        Map<String, List<String>> typesByTopic = new LinkedHashMap<>();
        for (Path file : eventSchemas()) {
            String type = typeOf(file);
            typesByTopic.computeIfAbsent(topicOf(type), t -> new ArrayList<>()).add(type);
            String key = messageKey(type);
            schemas.set(key, schema(file.getFileName().toString()));
            ObjectNode message = messages.putObject(key);
            message.put("name", type);
            message.put("title", schemas.get(key).path("title").asText(type));
            message.put("contentType", "application/json");
            message.set("headers", headers(type));
            ObjectNode payload = message.putObject("payload");
            ArrayNode allOf = payload.putArray("allOf");
            allOf.addObject().put("$ref", "#/components/schemas/envelope");
            ObjectNode specific = allOf.addObject();
            specific.put("type", "object");
            ObjectNode properties = specific.putObject("properties");
            properties.putObject("type").put("const", type);
            properties.putObject("schemaversion").put("const", versionOf(file));
            properties.putObject("data").put("$ref", "#/components/schemas/" + key);
            message.putObject("bindings").putObject("kafka").putObject("key")
                    .put("type", "string").put("description", "the aggregate id (the envelope's subject)");
        }
        ObjectNode contact = schema("membership.contact.v1.json");
        schemas.set("membership.contact.v1", contact);
        ObjectNode contactMessage = messages.putObject("membership.contact.v1");
        contactMessage.put("name", "membership.contact.v1");
        contactMessage.put("title", contact.path("title").asText());
        contactMessage.put("contentType", "application/json");
        contactMessage.putObject("payload").put("$ref", "#/components/schemas/membership.contact.v1");
        contactMessage.putObject("bindings").putObject("kafka").putObject("key")
                .put("type", "string").put("description", "the person id; a record without a value erases them");

        for (Channel c : CHANNELS) {
            String key = channelKey(c.topic());
            ObjectNode channel = channels.putObject(key);
            channel.put("address", c.topic());
            channel.put("description", c.description());
            ObjectNode channelMessages = channel.putObject("messages");
            List<String> types = Topics.MEMBERSHIP_CONTACTS.equals(c.topic()) ? List.of("membership.contact.v1")
                    : typesByTopic.getOrDefault(c.topic(), List.of());
            for (String type : types) {
                String messageKey = type.startsWith("org.") ? messageKey(type) : type;
                channelMessages.putObject(messageKey).put("$ref", "#/components/messages/" + messageKey);
            }
            ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
            kafka.put("partitions", Topics.PARTITIONS);
            if (Topics.MEMBERSHIP_CONTACTS.equals(c.topic())) {
                kafka.putObject("topicConfiguration").putArray("cleanup.policy").add("compact");
            }
            operation(operations, c.producer() + ".publish." + key, "send", key, channelMessages, c.producer(), null);
            for (String consumer : c.consumers()) {
                operation(operations, consumer + ".consume." + key, "receive", key, channelMessages, consumer,
                        Topics.MEMBERSHIP_CONTACTS.equals(c.topic()) ? null : Topics.deadLetter(c.topic(), consumer));
            }
        }
        return doc;
    }

    private static void operation(ObjectNode operations, String id, String action, String channel,
            ObjectNode channelMessages, String service, String deadLetterTopic) {
        ObjectNode operation = operations.putObject(id);
        operation.put("action", action);
        operation.putObject("channel").put("$ref", "#/channels/" + channel);
        operation.put("summary", service + ("send".equals(action) ? " publishes (through its outbox)"
                : " consumes (consumer group " + service + ")"));
        if (deadLetterTopic != null) {
            operation.put("description", "Records this group cannot process are parked on " + deadLetterTopic + ".");
        }
        if ("receive".equals(action)) {
            operation.putObject("bindings").putObject("kafka").putObject("groupId").put("type", "string")
                    .putArray("enum").add(service);
        }
        ArrayNode refs = operation.putArray("messages");
        channelMessages.propertyNames().forEach(
                m -> refs.addObject().put("$ref", "#/channels/" + channel + "/messages/" + m));
    }

    private static ObjectNode headers(String type) {
        ObjectNode headers = JSON.createObjectNode();
        headers.put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("ce_id").put("type", "string").put("description", "the event id (as in the envelope)");
        properties.putObject("ce_type").put("type", "string").put("const", type);
        properties.putObject("ce_correlationid").put("type", "string")
                .put("description", "the id of the request that caused the event");
        return headers;
    }

    /** A schema as AsyncAPI embeds it: its own {@code $schema} and {@code $id} belong to the file. */
    private static ObjectNode schema(String file) throws IOException {
        ObjectNode schema = (ObjectNode) JSON.readTree(SCHEMAS.resolve(file).toFile());
        schema.remove("$schema");
        schema.remove("$id");
        return schema;
    }

    private static List<Path> eventSchemas() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            return files.filter(f -> f.getFileName().toString().startsWith("org.civictaskforce.")).sorted().toList();
        }
    }

    /** {@code org.civictaskforce.membership.member.invited.v1.json} → {@code org.civictaskforce.membership.member.invited}. */
    private static String typeOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf(".v"));
    }

    private static int versionOf(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf(".v") + 2, name.length() - ".json".length()));
    }

    private static String topicOf(String type) {
        String service = type.split("\\.")[2];
        return service + ".events.v1";
    }

    private static String messageKey(String type) {
        return type.substring("org.civictaskforce.".length());
    }

    private static String channelKey(String topic) {
        return topic.replace('.', '-');
    }
}
