package org.civictaskforce.platform.web;

import java.util.regex.Pattern;

/**
 * Who is acting in the work in hand, for the audit trail: an id, never a name.
 *
 * <p>TODO(identity): until sign-in exists this is the caller's {@code X-Actor-Id} header (set by
 * {@link ActorFilter}), {@value #ANONYMOUS} for a request without one, and {@value #SYSTEM} for work no
 * request started (consumers, schedulers). Once tokens are checked, the filter takes the subject of
 * the verified token instead and ignores the header.
 */
public final class Actor {
    public static final String HEADER = "X-Actor-Id";
    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = "system";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Actor() {
    }

    /** The actor of the work in hand: the request's actor, or {@value #SYSTEM} outside a request. */
    public static String current() {
        String actor = CURRENT.get();
        return actor != null ? actor : SYSTEM;
    }

    /** Accepts a caller's id only if it is safe to store and show; otherwise {@value #ANONYMOUS}. */
    public static String sanitise(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? candidate : ANONYMOUS;
    }

    public static void set(String actor) {
        CURRENT.set(sanitise(actor));
    }

    public static void clear() {
        CURRENT.remove();
    }
}
