package org.civictaskforce.contracts;

import java.time.Instant;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * The one envelope every domain event travels in, in CloudEvents 1.0 structured JSON mode.
 *
 * <p>{@code subject} is the aggregate id and also the Kafka record key, so one aggregate's events
 * stay in order on one partition. {@code schemaversion} and {@code correlationid} are CloudEvents
 * extension attributes (lower-case alphanumerics, as the specification requires).
 */
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        int schemaversion,
        String correlationid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        if (specversion == null) {
            specversion = SPEC_VERSION;
        }
        if (datacontenttype == null) {
            datacontenttype = JSON;
        }
    }

    /** Wraps an event record (annotated with {@link EventType}) in a new envelope. */
    public static EventEnvelope of(String source, String subject, Object event, String correlationId) {
        Class<?> type = event.getClass();
        return new EventEnvelope(SPEC_VERSION, java.util.UUID.randomUUID().toString(), source, EventTypes.typeOf(type),
                subject, Instant.now(), JSON, EventTypes.versionOf(type), correlationId,
                EventJson.MAPPER.valueToTree(event));
    }

    /** Reads the payload as the given event record. */
    public <T> T dataAs(Class<T> eventClass) {
        return EventJson.MAPPER.treeToValue(data, eventClass);
    }

    public boolean is(Class<?> eventClass) {
        return type.equals(EventTypes.typeOf(eventClass));
    }
}
