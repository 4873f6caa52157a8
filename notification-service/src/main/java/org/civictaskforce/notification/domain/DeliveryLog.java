package org.civictaskforce.notification.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One notification and its delivery log, as a coordinator reads it: the event it tells of, the template parameters
 * (ids and times only) and, per channel name, the state of its delivery. Holds no contact details.
 */
public record DeliveryLog(String id, String eventId, String eventType, String template, String personId,
        Instant occurredAt, Instant createdAt, Map<String, String> values, Map<String, Instant> times,
        Map<String, Delivery> deliveries) {

    /** One channel's delivery; {@code language} once SENT: the language the message was written in. */
    public record Delivery(String status, int attempts, String reason, Instant queuedAt, Instant nextAttemptAt,
            Instant lastAttemptAt, Instant completedAt, String language) {
    }
}
