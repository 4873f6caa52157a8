package org.civictaskforce.notification.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civictaskforce.notification.domain.Reminder;

/** Reminders: scheduled by upsert on their deterministic id, fired under a lease like deliveries. */
public interface ReminderStore {
    static String idFor(String subjectId, String personId, Duration offset) {
        return Reminder.idFor(subjectId, personId, offset);
    }

    /** Creates the reminder, or moves a pending one (the meeting moved); a fired one stays fired. */
    void schedule(String subjectId, String personId, Duration offset, String template, String eventType,
            Instant dueAt, Map<String, String> values, Map<String, Instant> times);

    /**
     * The subject moved: like {@link #schedule}, and a reminder that already fired for the old time is armed
     * again for the new one (next round, so its notification is a new one). Repeating the same move changes
     * nothing, because a fired reminder is re-armed only when its due time differs.
     */
    void move(String subjectId, String personId, Duration offset, String template, String eventType,
            Instant dueAt, Map<String, String> values, Map<String, Instant> times);

    /** Drops the pending reminder at this offset (e.g. its new due time has already passed). */
    long dropPending(String subjectId, String personId, Duration offset);

    /** Drops one person's pending reminders of a subject (they declined). */
    long dropPending(String subjectId, String personId);

    /** Drops every pending reminder of a subject (it was cancelled). */
    long dropPending(String subjectId);

    List<Reminder> findAllOf(String subjectId);

    record ClaimedReminder(Reminder reminder, String claimToken) {
    }

    /** Claims one due reminder (or one whose claim lapsed) for this dispatcher alone. */
    Optional<ClaimedReminder> claimDue(Instant now, Duration lease);

    boolean markFired(ClaimedReminder claim, Instant now);

    Optional<Reminder> find(String id);

    long deleteAllOf(String personId);
}
