package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/**
 * A meeting was scheduled. {@code startsAt} is the instant; {@code timeZone} (IANA) is the zone the
 * meeting is held in, for showing local times. The online link is not here: it is shown to invitees
 * only, through the API.
 *
 * @param kind EXPERT_MEETING, DISCUSSION (counts towards the plan's participation target) or OTHER
 */
@EventType("org.civictaskforce.membership.meeting.scheduled")
public record MeetingScheduled(String meetingId, String kind, String title, Instant startsAt, String timeZone,
        int durationMinutes, Instant scheduledAt) {
}
