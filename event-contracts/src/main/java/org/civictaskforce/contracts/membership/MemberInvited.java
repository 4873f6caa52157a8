package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** A person was invited to join the working group; the invitation lapses at {@code expiresAt}. */
@EventType("org.civictaskforce.membership.member.invited")
public record MemberInvited(String personId, String invitationId, Instant invitedAt, Instant expiresAt) {
}
