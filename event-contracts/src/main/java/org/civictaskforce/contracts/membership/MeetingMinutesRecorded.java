package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** A meeting's minutes were written or replaced (the text stays in membership-service). */
@EventType("org.civictaskforce.membership.meeting.minutes-recorded")
public record MeetingMinutesRecorded(String meetingId, Instant recordedAt) {
}
