package org.civictaskforce.contracts.membership;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.EventType;

/**
 * Who attended, recorded after the meeting: people and the organisations they attended for (the
 * plan counts organisations and countries at the discussion meeting).
 */
@EventType("org.civictaskforce.membership.meeting.attendance-recorded")
public record MeetingAttendanceRecorded(String meetingId, List<String> attendeeIds, List<String> organisationIds,
        Instant recordedAt) {
}
