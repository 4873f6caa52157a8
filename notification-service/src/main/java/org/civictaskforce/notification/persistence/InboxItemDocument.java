package org.civictaskforce.notification.persistence;

import java.time.Instant;

import org.civictaskforce.notification.domain.InboxItem;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/** One message in a person's in-app inbox; its id is {@code <notificationId>:inbox}. */
@Document(InboxItemDocument.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "person_newest_first", def = "{'personId': 1, 'createdAt': -1}"),
        @CompoundIndex(name = "person_unread", def = "{'personId': 1, 'read': 1}") })
public record InboxItemDocument(@Id String id, String personId, String notificationId, String subject, String body,
        String language, Instant createdAt, boolean read, Instant readAt) {
    public static final String COLLECTION = "inbox";

    public static String idFor(String notificationId) {
        return InboxItem.idFor(notificationId);
    }

    public InboxItem toDomain() {
        return new InboxItem(id, personId, notificationId, subject, body, language, createdAt, read, readAt);
    }
}
