package org.civictaskforce.notification.web;

import java.time.Instant;
import java.util.List;

/**
 * One notification in the delivery log: ids, event type, template and per-channel state (with the language
 * a sent message was written in). No contact details.
 */
public record DeliveryLogEntry(String notificationId, String eventId, String eventType, String template,
        String personId, Instant occurredAt, Instant createdAt, List<ChannelDelivery> deliveries) {

    public record ChannelDelivery(String channel, String status, String reason, int attempts, Instant queuedAt,
            Instant lastAttemptAt, Instant nextAttemptAt, Instant completedAt, String language) {
    }
}
