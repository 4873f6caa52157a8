package org.civictaskforce.contracts.membership;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.EventType;

/** A coordinator approved an accepted member: they are now an active member of the working group. */
@EventType("org.civictaskforce.membership.member.activated")
public record MemberActivated(String personId, String country, List<String> roles, Instant activatedAt) {
}
