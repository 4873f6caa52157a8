package org.civictaskforce.platform.outbox;

import java.time.Instant;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * A domain event not yet published, kept inside its aggregate's document (the outbox). The payload
 * is stored as the exact JSON that will be published, so what was decided is what is sent.
 *
 * <p>{@code actor} (who caused it, an id; see {@link org.civictaskforce.platform.web.Actor}) is for the
 * audit trail only and is not part of the published envelope.
 */
public record OutboxEvent(String eventId, String type, String source, String subject, Instant time, int schemaVersion,
        String correlationId, String payload, String actor) {

    @PersistenceCreator
    public OutboxEvent {
    }

    /** An event without a known actor (stored before the audit trail existed). */
    public OutboxEvent(String eventId, String type, String source, String subject, Instant time, int schemaVersion,
            String correlationId, String payload) {
        this(eventId, type, source, subject, time, schemaVersion, correlationId, payload, null);
    }

    public EventEnvelope toEnvelope() {
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, eventId, source, type, subject, time, EventEnvelope.JSON,
                schemaVersion, correlationId, EventJson.MAPPER.readTree(payload));
    }

    public String toEnvelopeJson() {
        return EventJson.write(toEnvelope());
    }
}
