package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** A coordinator removed a member from the working group. */
@EventType("org.civictaskforce.membership.member.removed")
public record MemberRemoved(String personId, Instant removedAt) {
}
