package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/**
 * A person asked to be (or a coordinator asked on their behalf that they be) erased. Every service
 * that holds anything about the person removes or anonymises it; the contacts topic gets a tombstone.
 */
@EventType("org.civictaskforce.membership.person.erased")
public record PersonErased(String personId, Instant erasedAt) {
}
