package org.civictaskforce.notification.domain;

import java.time.Instant;
import java.util.Map;

/**
 * What a template may show: ids and points in time, never personal data. Times are kept as instants
 * and rendered in the recipient's own time zone and language when the message is written.
 */
public record TemplateParameters(Map<String, String> values, Map<String, Instant> times) {
    public TemplateParameters {
        values = values == null ? Map.of() : Map.copyOf(values);
        times = times == null ? Map.of() : Map.copyOf(times);
    }
}
