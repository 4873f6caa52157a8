package org.civictaskforce.notification.persistence;

import java.time.Instant;
import java.util.Map;

import org.civictaskforce.notification.domain.DeliveryLog;
import org.civictaskforce.platform.work.Lease;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification and its delivery log: the event it tells of, the template parameters (ids and
 * times only) and, per channel name, the state of its delivery. Holds no contact details.
 */
@Document(NotificationDocument.COLLECTION)
@CompoundIndexes({
        // the dispatcher's claim query, one per channel (a new channel adds its index here)
        @CompoundIndex(name = "email_due", def = "{'deliveries.EMAIL.status': 1, 'deliveries.EMAIL.nextAttemptAt': 1}"),
        @CompoundIndex(name = "inbox_due", def = "{'deliveries.INBOX.status': 1, 'deliveries.INBOX.nextAttemptAt': 1}"),
        @CompoundIndex(name = "webhook_due", def = "{'deliveries.WEBHOOK.status': 1, 'deliveries.WEBHOOK.nextAttemptAt': 1}") })
public record NotificationDocument(
        @Id String id,
        String eventId,
        String eventType,
        String template,
        @Indexed String personId,
        Instant occurredAt,
        @Indexed Instant createdAt,
        Map<String, String> values,
        Map<String, Instant> times,
        Map<String, DeliveryEntry> deliveries) {
    public static final String COLLECTION = "notifications";

    /**
     * The state of one channel's delivery. {@code lease} (the claim's token as its owner, and until when) is set while
     * SENDING; {@code language} once SENT: the language the message was written in (after the fallback).
     */
    public record DeliveryEntry(String status, int attempts, String reason, Instant queuedAt, Instant nextAttemptAt,
            Instant lastAttemptAt, Instant completedAt, Lease.Held lease, String language) {
    }

    /** The log entry a coordinator reads (without the dispatcher's lease). */
    public DeliveryLog toLog() {
        Map<String, DeliveryLog.Delivery> log = new java.util.LinkedHashMap<>();
        deliveries.forEach((channel, e) -> log.put(channel, new DeliveryLog.Delivery(e.status(), e.attempts(),
                e.reason(), e.queuedAt(), e.nextAttemptAt(), e.lastAttemptAt(), e.completedAt(), e.language())));
        return new DeliveryLog(id, eventId, eventType, template, personId, occurredAt, createdAt, values, times, log);
    }
}
