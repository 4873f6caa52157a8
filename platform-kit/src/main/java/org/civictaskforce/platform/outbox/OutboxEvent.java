package org.civictaskforce.platform.outbox;

import java.time.Instant;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;

/**
 * A domain event not yet published, kept inside its aggregate's document (the outbox). The payload
 * is stored as the exact JSON that will be published, so what was decided is what is sent.
 */
public record OutboxEvent(String eventId, String type, String source, String subject, Instant time, int schemaVersion,
        String correlationId, String payload) {

    public EventEnvelope toEnvelope() {
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, eventId, source, type, subject, time, EventEnvelope.JSON,
                schemaVersion, correlationId, EventJson.MAPPER.readTree(payload));
    }

    public String toEnvelopeJson() {
        return EventJson.write(toEnvelope());
    }
}
