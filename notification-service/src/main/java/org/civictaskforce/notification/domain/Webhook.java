package org.civictaskforce.notification.domain;

import java.time.Instant;

/** The webhook a person registered: one per person. The secret is never returned or logged. */
public record Webhook(String personId, String url, String secret, Instant registeredAt) {
    @Override
    public String toString() {
        return "Webhook[personId=" + personId + ", <url and secret withheld>]";
    }
}
