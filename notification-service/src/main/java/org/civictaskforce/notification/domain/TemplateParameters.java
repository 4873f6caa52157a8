package org.civictaskforce.notification.domain;

import java.time.Instant;
import java.util.Map;

/**
 * What a template may show: ids and points in time, never personal data. Times are kept as instants
 * and rendered in the recipient's own time zone and language when the message is written.
 */
public record TemplateParameters(Map<String, String> values, Map<String, Instant> times) {
    /**
     * A value naming the zone the event happens in (a meeting's zone). With it, a template also sees each
     * time {@code t} as {@code tInEventZone}, written in that zone, and {@code sameZone} when the reader's
     * zone is that one (so the time need not be shown twice).
     */
    public static final String EVENT_TIME_ZONE = "eventTimeZone";

    public TemplateParameters {
        values = values == null ? Map.of() : Map.copyOf(values);
        times = times == null ? Map.of() : Map.copyOf(times);
    }
}
