package org.civictaskforce.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

import org.civictaskforce.platform.problem.InvalidRequestException;

/**
 * A daily span of local time in which no e-mail is sent, e.g. 22:00–07:00 (it may cross midnight).
 * {@code from} is inclusive, {@code to} exclusive; equal ends would silence nothing and are refused.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new InvalidRequestException("quiet hours must not start and end at the same time");
        }
    }

    public boolean contains(LocalTime time) {
        return from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }

    public boolean contains(Instant instant, ZoneId zone) {
        return contains(instant.atZone(zone).toLocalTime());
    }

    /** The first end of quiet hours after {@code instant}, in the zone (a DST gap moves it forward). */
    public Instant endAfter(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime end = local.toLocalDate().atTime(to).atZone(zone);
        if (!end.isAfter(local)) {
            end = local.toLocalDate().plusDays(1).atTime(to).atZone(zone);
        }
        return end.toInstant();
    }
}
