package org.civictaskforce.notification.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.civictaskforce.notification.domain.Meeting;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The meetings read model, id = meeting id; {@code invitees} is keyed by person id.
 * {@code appliedEvents} holds the recent event ids applied to it (idempotent projection).
 */
@Document(MeetingDocument.COLLECTION)
public record MeetingDocument(@Id String id, String kind, String title, Instant startsAt, String timeZone,
        Integer durationMinutes, String status, Instant cancelledAt, Map<String, InviteeDocument> invitees,
        List<String> appliedEvents, Integer calendarSequence) {
    public static final String COLLECTION = "meetings";

    public record InviteeDocument(String rsvp, Instant invitedAt, Instant answeredAt) {
    }

    Meeting toMeeting() {
        Map<String, Meeting.Invitee> people = new java.util.HashMap<>();
        if (invitees != null) {
            invitees.forEach((personId, i) -> people.put(personId,
                    new Meeting.Invitee(personId, i.rsvp(), i.invitedAt(), i.answeredAt())));
        }
        return new Meeting(id, kind, title, startsAt, timeZone, durationMinutes == null ? 0 : durationMinutes,
                status == null ? Meeting.SCHEDULED : status, people, calendarSequence == null ? 0 : calendarSequence);
    }
}
