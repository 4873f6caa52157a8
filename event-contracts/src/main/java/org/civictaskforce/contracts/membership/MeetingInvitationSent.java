package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** One person was invited to a meeting (one event per invitee; subject = meeting id). */
@EventType("org.civictaskforce.membership.meeting.invitation-sent")
public record MeetingInvitationSent(String meetingId, String personId, Instant startsAt, String timeZone,
        Instant invitedAt) {
}
