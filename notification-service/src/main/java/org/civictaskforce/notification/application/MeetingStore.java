package org.civictaskforce.notification.application;

import java.time.Instant;
import java.util.Optional;

import org.civictaskforce.notification.domain.Meeting;

/**
 * The meetings read model. Every change is one document update that also records the event id
 * ({@link IdempotentProjection}), so a redelivered event changes nothing. Events of one meeting share its
 * Kafka key and arrive in order; an invitation seen before its meeting still creates the document.
 */
public interface MeetingStore {
    boolean scheduled(String eventId, String meetingId, String kind, String title, Instant startsAt,
            String timeZone, int durationMinutes);

    /**
     * @param sequence the meeting's calendar sequence after the move as membership counts it, or {@code null}
     *                 (an event from before the field): then one more than the last
     */
    boolean rescheduled(String eventId, String meetingId, Instant startsAt, String timeZone,
            int durationMinutes, Integer sequence);

    boolean cancelled(String eventId, String meetingId, Instant cancelledAt);

    boolean invited(String eventId, String meetingId, String personId, Instant startsAt, String timeZone,
            Instant invitedAt);

    boolean answered(String eventId, String meetingId, String personId, String response, Instant answeredAt);

    Optional<Meeting> find(String meetingId);

    /** The person was erased: they leave every meeting's invitee list. */
    long forget(String personId);
}
