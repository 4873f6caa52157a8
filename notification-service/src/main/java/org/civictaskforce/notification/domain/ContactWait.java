package org.civictaskforce.notification.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The contact details of a person may reach this service after the event that concerns them: a
 * delivery then waits for them, but not for ever.
 */
public record ContactWait(Duration patience) {
    public static final String GAVE_UP = "no contact details";
    public static final String WAITING = "waiting for contact details";

    public boolean stillWaiting(Instant notificationCreatedAt, Instant now) {
        return now.isBefore(notificationCreatedAt.plus(patience));
    }
}
