package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** A decision of any kind was recorded in a meeting's minutes (the text stays in membership-service). */
@EventType("org.civictaskforce.membership.meeting.decision-recorded")
public record MeetingDecisionRecorded(String meetingId, String decisionId, String kind, Instant decidedAt) {
}
