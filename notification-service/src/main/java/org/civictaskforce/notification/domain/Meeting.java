package org.civictaskforce.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What notification-service knows of a meeting, from membership's meeting events: enough to write
 * to its invitees and to remind them. Invitees are person ids only.
 *
 * @param invitees person id → their invitation and answer
 * @param calendarSequence the SEQUENCE of the meeting's calendar entry: one more at each move (membership's
 *                         own count when the event carries it)
 */
public record Meeting(String meetingId, String kind, String title, Instant startsAt, String timeZone,
        int durationMinutes, String status, Map<String, Invitee> invitees, int calendarSequence) {
    public static final String SCHEDULED = "SCHEDULED";
    public static final String CANCELLED = "CANCELLED";

    public Meeting {
        invitees = invitees == null ? Map.of() : Map.copyOf(invitees);
    }

    /** A meeting never moved (calendar sequence 0). */
    public Meeting(String meetingId, String kind, String title, Instant startsAt, String timeZone,
            int durationMinutes, String status, Map<String, Invitee> invitees) {
        this(meetingId, kind, title, startsAt, timeZone, durationMinutes, status, invitees, 0);
    }

    /**
     * @param rsvp YES, NO, MAYBE, or null before they answer
     */
    public record Invitee(String personId, String rsvp, Instant invitedAt, Instant answeredAt) {
        public static final String DECLINED = "NO";

        public boolean declined() {
            return DECLINED.equals(rsvp);
        }
    }

    public boolean cancelled() {
        return CANCELLED.equals(status);
    }

    /** The invitees who have not declined: they hear of changes and get reminders. */
    public List<String> inviteesNotDeclined() {
        return invitees.values().stream().filter(i -> !i.declined()).map(Invitee::personId).sorted().toList();
    }

    public boolean hasDeclined(String personId) {
        Invitee invitee = invitees.get(personId);
        return invitee != null && invitee.declined();
    }

    /**
     * Whether an id can name an invitee: they are stored as field names, which must not contain dots or
     * start with {@code $}.
     */
    public static boolean isUsableId(String id) {
        return id != null && !id.isBlank() && id.indexOf('.') < 0 && !id.startsWith("$");
    }
}
