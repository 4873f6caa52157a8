package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** A person was registered. Carries no contact details: those travel on the contacts topic. */
@EventType("org.civictaskforce.membership.person.registered")
public record PersonRegistered(String personId, String country, String preferredLanguage, Instant registeredAt) {
}
