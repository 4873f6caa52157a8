package org.civictaskforce.platform.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.platform.tracing.OutboxTracing;
import org.civictaskforce.platform.web.Actor;
import org.civictaskforce.platform.web.CorrelationId;

/**
 * Wraps event records returned by aggregates into outbox entries (and keyed records for compacted topics): CloudEvents attributes, the
 * current request's correlation id and trace context, the actor (for the audit trail only), and the payload as JSON.
 */
public class DomainEvents {
    private final String source;
    private final Clock clock;
    private final OutboxTracing tracing;

    public DomainEvents(String serviceName, Clock clock) {
        this(serviceName, clock, OutboxTracing.NONE);
    }

    public DomainEvents(String serviceName, Clock clock, OutboxTracing tracing) {
        this.source = "/" + serviceName;
        this.clock = clock;
        this.tracing = tracing;
    }

    public OutboxEvent wrap(String subject, Object event) {
        Class<?> type = event.getClass();
        return new OutboxEvent(UUID.randomUUID().toString(), EventTypes.typeOf(type), source, subject,
                clock.instant(), EventTypes.versionOf(type), CorrelationId.currentOrNew(), EventJson.write(event),
                Actor.current(), null, tracing.currentTraceParent());
    }

    /**
     * A record for a compacted topic: {@code value} as JSON, without an envelope, under {@code key} on the output
     * {@code binding}; {@code null} makes it a tombstone. See {@link OutboxEvent.KeyedRecord}.
     */
    public OutboxEvent keyedRecord(String binding, String key, Object value) {
        return new OutboxEvent(UUID.randomUUID().toString(),
                value == null ? "tombstone" : value.getClass().getSimpleName(), source, key, clock.instant(), 1,
                CorrelationId.currentOrNew(), value == null ? null : EventJson.write(value), null,
                new OutboxEvent.KeyedRecord(binding, key), tracing.currentTraceParent());
    }

    public List<OutboxEvent> wrapAll(String subject, List<?> events) {
        return events.stream().map(e -> wrap(subject, e)).toList();
    }
}
