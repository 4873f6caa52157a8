package org.civictaskforce.notification.persistence;

import java.time.Instant;
import java.util.Map;

import org.civictaskforce.notification.domain.Reminder;
import org.civictaskforce.platform.work.Lease;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reminder due at {@code dueAt}: id {@code <subjectId>:<personId>:<offset>} (e.g. {@code m-1:p-7:PT24H}),
 * so scheduling it again changes the same document. {@code status} PENDING → FIRED; while a dispatcher
 * fires it, {@code claimToken} and {@code leaseUntil} are set. {@code round} counts how often a fired reminder
 * was armed again because its subject moved (null = never), and makes each round's notification id new.
 */
@Document(ReminderDocument.COLLECTION)
@CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}")
public record ReminderDocument(@Id String id, String subjectId, String personId, String offset, String template,
        String eventType, Instant dueAt, Map<String, String> values, Map<String, Instant> times, String status,
        Lease.Held lease, Instant firedAt, Integer round) {
    public static final String COLLECTION = "reminders";
    public static final String PENDING = Reminder.PENDING;
    public static final String FIRED = Reminder.FIRED;

    public Reminder toDomain() {
        return new Reminder(id, subjectId, personId, offset, template, eventType, dueAt, values, times, status, firedAt,
                round);
    }
}
