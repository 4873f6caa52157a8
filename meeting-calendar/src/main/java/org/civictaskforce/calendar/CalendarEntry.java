package org.civictaskforce.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a calendar entry says about one meeting: ids, title and times, and the online link only where the
 * reader may see it. No personal data; the attendee of an invitation is given separately
 * ({@link MeetingCalendar#invitation}).
 *
 * @param meetingId  the meeting's id; the entry's UID is {@code <meetingId>@civic-taskforce}
 * @param startsAt   the start instant, written as wall-clock time in {@code timeZone} with that zone's VTIMEZONE
 * @param timeZone   the IANA zone the meeting is held in, e.g. {@code Asia/Bishkek}
 * @param onlineLink an {@code https} link, or {@code null} (then no LOCATION/URL)
 * @param sequence   0 when scheduled, one more at each reschedule (and at cancellation), so calendars
 *                   replace the older copy instead of adding a second entry
 * @param stamp      when this version of the entry was made (DTSTAMP): the event's time, so the same
 *                   notification always yields the same text
 */
public record CalendarEntry(String meetingId, String title, Instant startsAt, String timeZone, int durationMinutes,
        URI onlineLink, int sequence, boolean cancelled, Instant stamp) {
    public CalendarEntry {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(stamp, "stamp");
        ZoneId.of(Objects.requireNonNull(timeZone, "timeZone")); // throws for an unknown zone
        if (durationMinutes < 1) {
            throw new IllegalArgumentException("durationMinutes must be positive");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        title = title == null || title.isBlank() ? "Meeting" : title.strip();
    }
}
