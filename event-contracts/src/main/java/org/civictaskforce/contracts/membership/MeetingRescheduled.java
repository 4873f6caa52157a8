package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** A meeting moved; invitees must be told, and reminders move with it. */
@EventType("org.civictaskforce.membership.meeting.rescheduled")
public record MeetingRescheduled(String meetingId, Instant previousStartsAt, Instant startsAt, String timeZone,
        int durationMinutes, Instant rescheduledAt) {
}
