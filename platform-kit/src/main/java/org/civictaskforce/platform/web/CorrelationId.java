package org.civictaskforce.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/** The correlation id of the work in hand, kept in the logging context (MDC key {@code correlationId}). */
public final class CorrelationId {
    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationId() {
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }

    public static String currentOrNew() {
        String id = current();
        return id != null ? id : UUID.randomUUID().toString();
    }

    /** Accepts a caller's id only if it is safe to log and echo; otherwise makes a new one. */
    public static String sanitise(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    public static void set(String id) {
        MDC.put(MDC_KEY, sanitise(id));
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
    }
}
