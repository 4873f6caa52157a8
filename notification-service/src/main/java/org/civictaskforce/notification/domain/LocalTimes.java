package org.civictaskforce.notification.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes a point in time the way the recipient reads it: their zone, their language, the zone named. */
public final class LocalTimes {
    private LocalTimes() {
    }

    /** E.g. {@code 12 December 2026, 18:00 (Asia/Almaty, UTC+05:00)} or {@code 12 декабря 2026, 18:00 (Asia/Almaty, UTC+05:00)}. */
    public static String format(Instant instant, String timeZone, String language) {
        ZoneId zone = zone(timeZone);
        ZonedDateTime local = instant.atZone(zone);
        String offset = local.getOffset().equals(ZoneOffset.UTC) ? "UTC" : "UTC" + local.getOffset().getId();
        String when = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.forLanguageTag(language)).format(local);
        String zoneName = zone.getId();
        return zoneName.equals("UTC") || zoneName.equals("Z")
                ? when + " (UTC)"
                : when + " (" + zoneName + ", " + offset + ")";
    }

    /** The recipient's zone, or UTC if they gave none or one that does not exist. */
    public static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
