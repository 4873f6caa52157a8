package org.civictaskforce.platform.audit;

import java.time.Instant;

/**
 * One change, as the audit trail keeps it: which event (its id is the entry's id), of which type,
 * about which aggregate ({@code subject}, in which {@code collection}), when, from which request
 * ({@code correlationId}) and by whom ({@code actor}). Ids only, never personal data: the event's
 * payload is not copied.
 */
public record AuditEntry(String eventId, String type, String source, String subject, String collection, Instant time,
        String correlationId, String actor, Instant recordedAt) {
}
