package org.civictaskforce.notification.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure written into the delivery log. Built from exception class names only: a mail server's
 * message text often quotes the recipient's address, which must not end up in the log.
 */
public final class FailureReason {
    private static final int MAX_DEPTH = 4;

    private FailureReason() {
    }

    public static String of(String what, Throwable failure) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < MAX_DEPTH; t = t.getCause()) {
            chain.add(t.getClass().getSimpleName());
            if (t.getCause() == t) {
                break;
            }
        }
        return what + " (" + String.join(" <- ", chain) + ")";
    }
}
