package org.civictaskforce.membership.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.civictaskforce.membership.domain.Attendance;
import org.civictaskforce.membership.domain.Decision;
import org.civictaskforce.membership.domain.Invitee;
import org.civictaskforce.membership.domain.Meeting;
import org.civictaskforce.membership.domain.MeetingKind;
import org.civictaskforce.membership.domain.MeetingStatus;
import org.civictaskforce.membership.domain.Minutes;
import org.civictaskforce.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A meeting as stored in {@code meetings}, with its invitees, attendance, minutes, decisions and
 * outbox in one document, so every change and its events are one atomic write.
 */
@Document(collection = MeetingDocument.COLLECTION)
// the list is ordered by start; each filter index ends with that order so pages need no in-memory sort
@CompoundIndex(name = "meeting_list_order", def = "{'startsAt': 1, '_id': 1}")
@CompoundIndex(name = "meeting_status_list", def = "{'status': 1, 'startsAt': 1, '_id': 1}")
@CompoundIndex(name = "meeting_kind_list", def = "{'kind': 1, 'status': 1, 'startsAt': 1, '_id': 1}")
@CompoundIndex(name = "meeting_invitees", def = "{'invitees.personId': 1}")
public class MeetingDocument extends OutboxDocument {
    public static final String COLLECTION = "meetings";

    @Id
    private String id;
    private MeetingKind kind;
    private String title;
    private String purpose;
    private List<String> agenda = new ArrayList<>();
    private String onlineLink;
    private Instant scheduledAt;
    private Instant startsAt;
    private String timeZone;
    private int durationMinutes;
    private MeetingStatus status;
    private Instant cancelledAt;
    /** The calendar entry's SEQUENCE (0 in documents from before it: no calendar entry had been issued then). */
    private int calendarSequence;
    private List<Invitee> invitees = new ArrayList<>();
    private Attendance attendance;
    private Minutes minutes;
    private List<Decision> decisions = new ArrayList<>();

    public static MeetingDocument newFor(Meeting meeting) {
        MeetingDocument document = new MeetingDocument();
        document.id = meeting.id();
        document.apply(meeting);
        return document;
    }

    public void apply(Meeting m) {
        kind = m.kind();
        title = m.title();
        purpose = m.purpose();
        agenda = new ArrayList<>(m.agenda());
        onlineLink = m.onlineLink();
        scheduledAt = m.scheduledAt();
        startsAt = m.startsAt();
        timeZone = m.timeZone().getId();
        durationMinutes = m.durationMinutes();
        status = m.status();
        cancelledAt = m.cancelledAt();
        calendarSequence = m.calendarSequence();
        invitees = new ArrayList<>(m.invitees());
        attendance = m.attendance();
        minutes = m.minutes();
        decisions = new ArrayList<>(m.decisions());
    }

    public Meeting toDomain() {
        return Meeting.restore(id, kind, title, purpose, agenda, onlineLink, scheduledAt, startsAt, timeZone,
                durationMinutes, status, cancelledAt, invitees, attendance, minutes, decisions, calendarSequence);
    }

    public String getId() {
        return id;
    }
}
