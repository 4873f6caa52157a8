package org.civictaskforce.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;

/** Turns a consumed record into an envelope, or refuses it as malformed (never retried). */
public final class InboundEvents {
    private InboundEvents() {
    }

    public static EventEnvelope envelope(ConsumerRecord<String, String> record) {
        return envelope(InboundRecord.of(record));
    }

    public static EventEnvelope envelope(InboundRecord record) {
        if (record.value() == null) {
            throw new MalformedEventException("record without a value at offset " + record.offset());
        }
        try {
            EventEnvelope envelope = EventJson.readEnvelope(record.value());
            if (envelope.data() == null || !envelope.data().isObject()) {
                throw new MalformedEventException("event " + envelope.id() + " has no data object");
            }
            return envelope;
        } catch (MalformedEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedEventException("not an event envelope at offset " + record.offset() + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    public static <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return envelope.dataAs(type);
        } catch (RuntimeException e) {
            throw new MalformedEventException("event " + envelope.id() + " of type " + envelope.type()
                    + " does not match its contract: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Refuses (as malformed, never retried) an event whose required field is missing or blank. */
    public static void require(EventEnvelope envelope, Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new MalformedEventException("event " + envelope.id() + " of type " + envelope.type()
                    + " lacks " + field);
        }
    }
}
