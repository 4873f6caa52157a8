package org.civictaskforce.membership.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A start given either as an instant with offset ({@code startsAt}, e.g. 2026-05-12T15:00:00+06:00 or
 * ...Z) or as a wall-clock time in the meeting's zone ({@code localStart}, e.g. 2026-05-12T15:00). A
 * local time in a daylight-saving gap moves forward by the gap, as {@link java.time.ZonedDateTime#of} does.
 */
final class MeetingStart {
    private MeetingStart() {
    }

    static boolean exactlyOne(OffsetDateTime startsAt, LocalDateTime localStart) {
        return (startsAt == null) != (localStart == null);
    }

    static Instant resolve(OffsetDateTime startsAt, LocalDateTime localStart, ZoneId zone) {
        return startsAt != null ? startsAt.toInstant() : localStart.atZone(zone).toInstant();
    }
}
