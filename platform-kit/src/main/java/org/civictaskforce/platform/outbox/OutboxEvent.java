package org.civictaskforce.platform.outbox;

import java.time.Instant;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * An entry not yet published, kept inside its aggregate's document (the outbox). The payload is stored as the exact
 * JSON that will be published, so what was decided is what is sent.
 *
 * <p>Most entries are domain events: published on the service's events binding as a CloudEvents envelope, keyed by
 * {@code subject}, and recorded in the audit trail. An entry with a {@link KeyedRecord} is instead a record for
 * another (compacted) topic: sent as it is on that binding under that key, a tombstone when {@code payload} is
 * {@code null}, not audited, and superseding any unsent record for the same binding and key in the same outbox
 * ({@link OutboxDocument#append}), so only the latest state leaves.
 *
 * <p>{@code actor} (who caused it, an id; see {@link org.civictaskforce.platform.web.Actor}) is for the
 * audit trail only and is not part of the published envelope. {@code traceParent} is the W3C trace context of the
 * request that raised it, so that its publication continues that trace
 * ({@link org.civictaskforce.platform.tracing.OutboxTracing}); {@code null} outside
 * a trace.
 */
public record OutboxEvent(String eventId, String type, String source, String subject, Instant time, int schemaVersion,
        String correlationId, String payload, String actor, KeyedRecord keyed, String traceParent) {

    /** Where a keyed record goes: the output binding (its destination is a topic) and the record's key. */
    public record KeyedRecord(String binding, String key) {
    }

    @PersistenceCreator
    public OutboxEvent {
    }

    /** A domain event raised outside a trace. */
    public OutboxEvent(String eventId, String type, String source, String subject, Instant time, int schemaVersion,
            String correlationId, String payload, String actor) {
        this(eventId, type, source, subject, time, schemaVersion, correlationId, payload, actor, null, null);
    }

    /** A domain event without a known actor (stored before the audit trail existed). */
    public OutboxEvent(String eventId, String type, String source, String subject, Instant time, int schemaVersion,
            String correlationId, String payload) {
        this(eventId, type, source, subject, time, schemaVersion, correlationId, payload, null, null, null);
    }

    /** Whether this entry is a domain event (enveloped, audited) rather than a {@link KeyedRecord}. */
    public boolean isEvent() {
        return keyed == null;
    }

    /** Whether {@code other} is a keyed record for the same binding and key, which this one supersedes. */
    boolean supersedes(OutboxEvent other) {
        return keyed != null && keyed.equals(other.keyed);
    }

    public EventEnvelope toEnvelope() {
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, eventId, source, type, subject, time, EventEnvelope.JSON,
                schemaVersion, correlationId, EventJson.MAPPER.readTree(payload));
    }

    public String toEnvelopeJson() {
        return EventJson.write(toEnvelope());
    }
}
