package org.civictaskforce.platform.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.platform.web.Actor;
import org.civictaskforce.platform.web.CorrelationId;

/**
 * Wraps event records returned by aggregates into outbox entries: CloudEvents attributes, the
 * current request's correlation id, the actor (for the audit trail only), and the payload as JSON.
 */
public class DomainEvents {
    private final String source;
    private final Clock clock;

    public DomainEvents(String serviceName, Clock clock) {
        this.source = "/" + serviceName;
        this.clock = clock;
    }

    public OutboxEvent wrap(String subject, Object event) {
        Class<?> type = event.getClass();
        return new OutboxEvent(UUID.randomUUID().toString(), EventTypes.typeOf(type), source, subject,
                clock.instant(), EventTypes.versionOf(type), CorrelationId.currentOrNew(), EventJson.write(event),
                Actor.current());
    }

    public List<OutboxEvent> wrapAll(String subject, List<?> events) {
        return events.stream().map(e -> wrap(subject, e)).toList();
    }
}
