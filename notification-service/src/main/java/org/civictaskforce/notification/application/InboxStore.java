package org.civictaskforce.notification.application;

import java.time.Instant;

import org.civictaskforce.notification.domain.InboxItem;
import org.springframework.data.domain.Page;

/** The in-app inbox. */
public interface InboxStore {
    /**
     * Puts a notification into the person's inbox. An upsert on the deterministic id: delivering the
     * same notification again rewrites the same item and keeps whether it was read.
     */
    void put(String notificationId, String personId, String subject, String body, String language,
            Instant now);

    Page<InboxItem> page(String personId, int page, int size);

    /** The person's items created at or after {@code since}, oldest first (for live push). */
    java.util.List<InboxItem> createdSince(String personId, Instant since, int limit);

    long unreadCount(String personId);

    /** @return false if the person has no such item */
    boolean markRead(String personId, String itemId, Instant now);

    long deleteAllOf(String personId);

    long countOf(String personId);
}
