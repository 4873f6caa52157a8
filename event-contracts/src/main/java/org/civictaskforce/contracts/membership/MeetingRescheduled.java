package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/**
 * A meeting moved; invitees must be told, and reminders move with it. {@code sequence} (optional, added
 * compatibly to v1) is the meeting's calendar revision after the move (1 after the first move, then 2 …):
 * the SEQUENCE of its iCalendar entry, so calendars replace the older copy; {@code null} in events from
 * before the field, whose consumers count the moves themselves.
 */
@EventType("org.civictaskforce.membership.meeting.rescheduled")
public record MeetingRescheduled(String meetingId, Instant previousStartsAt, Instant startsAt, String timeZone,
        int durationMinutes, Instant rescheduledAt, Integer sequence) {

    /** Without the optional sequence, as events from before it. */
    public MeetingRescheduled(String meetingId, Instant previousStartsAt, Instant startsAt, String timeZone,
            int durationMinutes, Instant rescheduledAt) {
        this(meetingId, previousStartsAt, startsAt, timeZone, durationMinutes, rescheduledAt, null);
    }
}
