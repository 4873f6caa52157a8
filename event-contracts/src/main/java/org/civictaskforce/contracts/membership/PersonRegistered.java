package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/**
 * A person was registered. Carries no contact details: those travel on the contacts topic.
 * {@code protectedIdentity} (optional, added compatibly to v1) says whether they were registered with
 * a protected identity, so a consumer never holds their country without knowing that; absent
 * ({@code null}) in events from before the field, whose consumers learn it from
 * {@link PersonProfileUpdated}.
 */
@EventType("org.civictaskforce.membership.person.registered")
public record PersonRegistered(String personId, String country, String preferredLanguage, Instant registeredAt,
        Boolean protectedIdentity) {

    /** Without the optional flag, as events from before it. */
    public PersonRegistered(String personId, String country, String preferredLanguage, Instant registeredAt) {
        this(personId, country, preferredLanguage, registeredAt, null);
    }
}
