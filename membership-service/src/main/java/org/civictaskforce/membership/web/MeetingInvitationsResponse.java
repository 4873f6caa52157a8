package org.civictaskforce.membership.web;

import java.util.List;

/**
 * Answer of an invitation command: who was invited now (one event each), who had been invited
 * before (left as they were), and the meeting's invitee count.
 */
public record MeetingInvitationsResponse(String meetingId, List<String> invited, List<String> alreadyInvited,
        int invitees) {
}
