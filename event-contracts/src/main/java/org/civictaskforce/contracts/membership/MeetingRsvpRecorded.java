package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** An invitee answered: YES, NO or MAYBE (a later answer replaces an earlier one). */
@EventType("org.civictaskforce.membership.meeting.rsvp-recorded")
public record MeetingRsvpRecorded(String meetingId, String personId, String response, Instant answeredAt) {
}
