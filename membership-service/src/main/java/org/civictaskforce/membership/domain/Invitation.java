package org.civictaskforce.membership.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** An invitation to join the Working Group; it lapses {@link #VALIDITY} after it was sent. */
public record Invitation(String invitationId, Instant invitedAt, Instant expiresAt) {
    public static final Duration VALIDITY = Duration.ofDays(14);

    public Invitation {
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(invitedAt, "invitedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    static Invitation issue(String invitationId, Instant now) {
        return new Invitation(invitationId, now, now.plus(VALIDITY));
    }
}
