package org.civictaskforce.platform.web;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An exception as a log line without any message: exception messages may quote the request (names, e-mail
 * addresses, free text), so only the types and the frames are written, for the whole cause chain.
 */
public final class StackTraces {
    private static final int MAX_FRAMES = 40;

    private StackTraces() {
    }

    public static String withoutMessages(Throwable error) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (t != error) {
                out.append("\n  caused by ");
            }
            out.append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                out.append("\n    at ").append(frames[i]);
            }
            if (frames.length > MAX_FRAMES) {
                out.append("\n    … ").append(frames.length - MAX_FRAMES).append(" more");
            }
        }
        return out.toString();
    }
}
