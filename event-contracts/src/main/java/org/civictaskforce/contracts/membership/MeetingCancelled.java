package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** A meeting was cancelled; invitees must be told, and pending reminders dropped. */
@EventType("org.civictaskforce.membership.meeting.cancelled")
public record MeetingCancelled(String meetingId, Instant cancelledAt) {
}
