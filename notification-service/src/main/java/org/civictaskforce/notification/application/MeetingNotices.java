package org.civictaskforce.notification.application;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civictaskforce.calendar.CalendarEntry;
import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.Meeting;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.TemplateParameters;
import org.springframework.stereotype.Service;

/**
 * Meetings, as far as notifications go: keeps the {@code meetings} read model, says who is told what, and
 * keeps each invitee's reminders in step (scheduled on invitation, moved with the meeting, dropped when
 * it is cancelled or they decline, armed again if they change their mind).
 *
 * <p>Every step is repeatable: the read model records the event ids it applied, reminders are upserts
 * on (meeting, person, offset), and a notification's id is {@code <eventId>:<personId>}; so a redelivered
 * event, even one that failed half-way through before, notifies nobody twice. Who is told is read from the
 * read model as it stands after the event.
 */
@Service
public class MeetingNotices {
    public static final String INVITATION = "meeting-invitation";
    public static final String RESCHEDULED = "meeting-rescheduled";
    public static final String CANCELLED = "meeting-cancelled";
    public static final String REMINDER = "meeting-reminder";
    public static final String REMINDER_EVENT_TYPE = "org.civictaskforce.notification.reminder.meeting";
    /** The template value holding the calendar entry's SEQUENCE. */
    static final String CALENDAR_SEQUENCE = "calendarSequence";
    private static final EnumSet<Channel> CHANNELS = EnumSet.of(Channel.EMAIL, Channel.INBOX);

    private final MeetingStore meetings;
    private final Reminders reminders;
    private final ReminderProperties reminderProperties;

    public MeetingNotices(MeetingStore meetings, Reminders reminders, ReminderProperties reminderProperties) {
        this.meetings = meetings;
        this.reminders = reminders;
        this.reminderProperties = reminderProperties;
    }

    /** What an incoming event is about: its id, type and time, from the envelope. */
    public record Cause(String eventId, String eventType, Instant occurredAt) {
    }

    public List<Notification> scheduled(Cause cause, String meetingId, String kind, String title, Instant startsAt,
            String timeZone, int durationMinutes) {
        meetings.scheduled(cause.eventId(), meetingId, kind, title, startsAt, timeZone, durationMinutes);
        return List.of(); // invitees are told one by one, on their invitation
    }

    public List<Notification> invited(Cause cause, String meetingId, String personId, Instant startsAt,
            String timeZone, Instant invitedAt) {
        meetings.invited(cause.eventId(), meetingId, personId, startsAt, timeZone, invitedAt);
        Meeting meeting = meetings.find(meetingId).orElseThrow();
        if (meeting.cancelled() || meeting.hasDeclined(personId)) {
            return List.of(); // a late redelivery after the meeting was called off or declined
        }
        Instant at = meeting.startsAt() != null ? meeting.startsAt() : startsAt;
        String zone = meeting.timeZone() != null ? meeting.timeZone() : timeZone;
        scheduleReminders(meeting, personId, at);
        Map<String, String> values = values(meeting, zone);
        values.put("durationMinutes", Integer.toString(meeting.durationMinutes()));
        values.put(CALENDAR_SEQUENCE, Integer.toString(meeting.calendarSequence()));
        return List.of(notification(cause, INVITATION, personId, values, Map.of("startsAt", at)));
    }

    public List<Notification> rescheduled(Cause cause, String meetingId, Instant previousStartsAt, Instant startsAt,
            String timeZone, int durationMinutes, Integer sequence) {
        meetings.rescheduled(cause.eventId(), meetingId, startsAt, timeZone, durationMinutes, sequence);
        Meeting meeting = meetings.find(meetingId).orElseThrow();
        if (meeting.cancelled()) {
            return List.of();
        }
        Map<String, String> values = values(meeting, timeZone);
        values.put("durationMinutes", Integer.toString(durationMinutes));
        values.put(CALENDAR_SEQUENCE, Integer.toString(meeting.calendarSequence()));
        Map<String, Instant> times = new HashMap<>();
        times.put("startsAt", startsAt);
        if (previousStartsAt != null) {
            times.put("previousStartsAt", previousStartsAt);
        }
        return meeting.inviteesNotDeclined().stream().map(personId -> {
            reminders.move(meetingId, personId, startsAt, reminderProperties.offsets(), REMINDER,
                    REMINDER_EVENT_TYPE, reminderValues(meeting), Map.of("startsAt", startsAt));
            return notification(cause, RESCHEDULED, personId, values, times);
        }).toList();
    }

    public List<Notification> cancelled(Cause cause, String meetingId, Instant cancelledAt) {
        meetings.cancelled(cause.eventId(), meetingId, cancelledAt);
        reminders.drop(meetingId);
        Meeting meeting = meetings.find(meetingId).orElseThrow();
        Map<String, Instant> times = meeting.startsAt() == null ? Map.of() : Map.of("startsAt", meeting.startsAt());
        Map<String, String> values = values(meeting, meeting.timeZone());
        return meeting.inviteesNotDeclined().stream()
                .map(personId -> notification(cause, CANCELLED, personId, values, times)).toList();
    }

    /** An answer tells nobody; NO drops the person's reminders, a later YES or MAYBE brings them back. */
    public List<Notification> answered(Cause cause, String meetingId, String personId, String response,
            Instant answeredAt) {
        meetings.answered(cause.eventId(), meetingId, personId, response, answeredAt);
        Meeting meeting = meetings.find(meetingId).orElseThrow();
        if (meeting.hasDeclined(personId) || meeting.cancelled()) {
            reminders.drop(meetingId, personId);
        } else if (meeting.startsAt() != null) {
            scheduleReminders(meeting, personId, meeting.startsAt());
        }
        return List.of();
    }

    /**
     * The calendar entry an invitation or a move carries as its e-mail's attachment ({@code METHOD:REQUEST}),
     * from the notification's own parameters (ids, title, times, zone, duration, sequence: what the events
     * carry; never the online link, which stays in membership). Empty for every other notification, and for
     * one recorded before the sequence was kept.
     */
    public static Optional<CalendarEntry> calendarEntry(Notification notification) {
        if (!INVITATION.equals(notification.template()) && !RESCHEDULED.equals(notification.template())) {
            return Optional.empty();
        }
        Map<String, String> values = notification.parameters().values();
        Instant startsAt = notification.parameters().times().get("startsAt");
        String zone = values.get(TemplateParameters.EVENT_TIME_ZONE);
        String sequence = values.get(CALENDAR_SEQUENCE);
        String duration = values.get("durationMinutes");
        if (startsAt == null || zone == null || sequence == null || duration == null
                || Integer.parseInt(duration) < 1) {
            return Optional.empty();
        }
        return Optional.of(new CalendarEntry(values.get("meetingId"), values.get("title"), startsAt, zone,
                Integer.parseInt(duration), null, Integer.parseInt(sequence), false, notification.occurredAt()));
    }

    public Optional<Meeting> find(String meetingId) {
        return meetings.find(meetingId);
    }

    private void scheduleReminders(Meeting meeting, String personId, Instant at) {
        reminders.schedule(meeting.meetingId(), personId, at, reminderProperties.offsets(), REMINDER,
                REMINDER_EVENT_TYPE, reminderValues(meeting), Map.of("startsAt", at));
    }

    private static Map<String, String> reminderValues(Meeting meeting) {
        return values(meeting, meeting.timeZone());
    }

    /** Ids, the title (not personal data) and the meeting's own zone, for "… (your time) / … (meeting's time)". */
    private static Map<String, String> values(Meeting meeting, String meetingZone) {
        Map<String, String> values = new HashMap<>();
        values.put("meetingId", meeting.meetingId());
        values.put("title", meeting.title() == null ? "" : meeting.title());
        if (meetingZone != null) {
            values.put(TemplateParameters.EVENT_TIME_ZONE, meetingZone);
        }
        return values;
    }

    private static Notification notification(Cause cause, String template, String personId,
            Map<String, String> values, Map<String, Instant> times) {
        return Notification.of(cause.eventId(), cause.eventType(), template, personId, cause.occurredAt(),
                new TemplateParameters(values, times), CHANNELS);
    }
}
