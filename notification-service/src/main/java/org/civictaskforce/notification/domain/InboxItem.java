package org.civictaskforce.notification.domain;

import java.time.Instant;

/** One message in a person's in-app inbox; its id is {@code <notificationId>:inbox}. */
public record InboxItem(String id, String personId, String notificationId, String subject, String body,
        String language, Instant createdAt, boolean read, Instant readAt) {

    /** The item's id: one per notification, so delivering a notification again rewrites the same item. */
    public static String idFor(String notificationId) {
        return notificationId + ":inbox";
    }
}
