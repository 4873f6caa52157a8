package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** A member left the working group of their own accord. */
@EventType("org.civictaskforce.membership.member.left")
public record MemberLeft(String personId, Instant leftAt) {
}
