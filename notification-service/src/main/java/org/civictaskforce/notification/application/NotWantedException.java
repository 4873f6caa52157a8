package org.civictaskforce.notification.application;

/** The recipient does not want this delivery (e.g. their webhook was removed): SKIPPED, not retried. */
public class NotWantedException extends Exception {
    public NotWantedException(String reason) {
        super(reason);
    }
}
