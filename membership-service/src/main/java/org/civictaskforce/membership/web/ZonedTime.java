package org.civictaskforce.membership.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A wall-clock time in a named IANA zone, e.g. {@code {"dateTime":"2026-05-12T15:00:00","timeZone":"Asia/Bishkek"}}. */
public record ZonedTime(LocalDateTime dateTime, String timeZone) {
    static ZonedTime of(Instant instant, ZoneId zone) {
        return new ZonedTime(LocalDateTime.ofInstant(instant, zone), zone.getId());
    }
}
