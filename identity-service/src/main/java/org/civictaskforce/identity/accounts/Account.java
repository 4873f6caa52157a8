package org.civictaskforce.identity.accounts;

import java.time.Instant;
import java.util.List;

/**
 * A sign-in account. {@code username} is stored normalised (see {@link Usernames}) and may be a pseudonym;
 * {@code personId} links the account to a person of membership-service (null for the bootstrap coordinator).
 * The token subject is the person id, or the account id for an account without a person.
 */
public record Account(String id, String username, String passwordHash, String personId, List<String> staticRoles,
        Instant createdAt, int failedAttempts, Instant lockedUntil) {

    public String subject() {
        return personId != null ? personId : id;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
