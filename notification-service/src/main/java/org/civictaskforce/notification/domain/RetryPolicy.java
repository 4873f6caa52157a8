package org.civictaskforce.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How often and how far apart a failing delivery is tried again before it is given up as FAILED. */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** When to try again after the given number of failed attempts, or empty when it is time to give up. */
    public Optional<Instant> nextAttempt(int attemptsSoFar, Instant now) {
        if (attemptsSoFar >= maxAttempts) {
            return Optional.empty();
        }
        double factor = Math.pow(multiplier, Math.max(0, attemptsSoFar - 1));
        long millis = (long) Math.min(initialBackoff.toMillis() * factor, (double) maxBackoff.toMillis());
        return Optional.of(now.plusMillis(millis));
    }
}
