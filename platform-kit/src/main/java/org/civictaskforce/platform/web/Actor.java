package org.civictaskforce.platform.web;

import java.util.regex.Pattern;

/**
 * Who is acting in the work in hand, for the audit trail: an id, never a name.
 *
 * <p>The subject of the request's verified access token (set by {@link ActorFilter}),
 * {@value #ANONYMOUS} on a public route, and {@value #SYSTEM} for work no request started (consumers,
 * schedulers).
 */
public final class Actor {
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
