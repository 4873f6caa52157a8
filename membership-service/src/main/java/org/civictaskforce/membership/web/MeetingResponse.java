package org.civictaskforce.membership.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.civictaskforce.membership.domain.Attendance;
import org.civictaskforce.membership.domain.Decision;
import org.civictaskforce.membership.domain.Invitee;
import org.civictaskforce.membership.domain.Meeting;
import org.civictaskforce.membership.domain.MeetingKind;
import org.civictaskforce.membership.domain.MeetingStatus;
import org.civictaskforce.membership.domain.RsvpResponse;

/**
 * A meeting as answered: {@code startsAt} in UTC, {@code local} in the meeting's zone, {@code viewer}
 * in the zone the client asked for ({@code ?zone=}). The single read adds the online link, the
 * invitees with their answers, attendance, minutes and decisions; lists and command answers carry
 * the counts only. Ids only: no names or contact details of people.
 */
public record MeetingResponse(String id, String title, String purpose, MeetingKind kind, List<String> agenda,
        Instant startsAt, Instant endsAt, int durationMinutes, ZonedTime local, ZonedTime viewer,
        MeetingStatus status, Instant scheduledAt, Instant cancelledAt, Answers invitations, String onlineLink,
        List<InviteeView> invitees, AttendanceView attendance, MinutesView minutes, List<DecisionView> decisions) {

    public record Answers(int invited, int yes, int no, int maybe, int unanswered) {
        static Answers of(List<Invitee> invitees) {
            return new Answers(invitees.size(), count(invitees, RsvpResponse.YES), count(invitees, RsvpResponse.NO),
                    count(invitees, RsvpResponse.MAYBE), count(invitees, null));
        }

        private static int count(List<Invitee> invitees, RsvpResponse response) {
            return (int) invitees.stream().filter(i -> i.response() == response).count();
        }
    }

    public record InviteeView(String personId, Instant invitedAt, RsvpResponse response, Instant answeredAt) {
    }

    public record AttendanceView(List<String> attendeeIds, List<String> organisationIds, List<String> countries,
            Instant recordedAt) {
    }

    public record MinutesView(String text, Instant recordedAt) {
    }

    public record DecisionView(String id, String kind, List<String> institutionIds, String text, Instant decidedAt) {
    }

    /** For lists and command answers. */
    static MeetingResponse summary(Meeting m, ZoneId viewer) {
        return new MeetingResponse(m.id(), m.title(), m.purpose(), m.kind(), m.agenda(), m.startsAt(), m.endsAt(),
                m.durationMinutes(), ZonedTime.of(m.startsAt(), m.timeZone()),
                viewer == null ? null : ZonedTime.of(m.startsAt(), viewer), m.status(), m.scheduledAt(),
                m.cancelledAt(), Answers.of(m.invitees()), null, null, null, null, null);
    }

    /** The single read, with the online link and the invitees: for invitees and coordinators only. */
    static MeetingResponse full(Meeting m, ZoneId viewer) {
        MeetingResponse s = summary(m, viewer);
        Attendance a = m.attendance();
        return new MeetingResponse(s.id, s.title, s.purpose, s.kind, s.agenda, s.startsAt, s.endsAt,
                s.durationMinutes, s.local, s.viewer, s.status, s.scheduledAt, s.cancelledAt, s.invitations,
                m.onlineLink(),
                m.invitees().stream().map(i -> new InviteeView(i.personId(), i.invitedAt(), i.response(),
                        i.answeredAt())).toList(),
                a == null ? null : new AttendanceView(a.attendeeIds(), a.organisationIds(), a.countries(),
                        a.recordedAt()),
                m.minutes() == null ? null : new MinutesView(m.minutes().text(), m.minutes().recordedAt()),
                m.decisions().stream().map(MeetingResponse::view).toList());
    }

    private static DecisionView view(Decision d) {
        return new DecisionView(d.id(), d.kind().name(), d.institutionIds().isEmpty() ? null : d.institutionIds(),
                d.text(), d.decidedAt());
    }
}
