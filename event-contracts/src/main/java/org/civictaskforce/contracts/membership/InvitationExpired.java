package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** An invitation lapsed unanswered; the person is a candidate again and may be re-invited. */
@EventType("org.civictaskforce.membership.invitation.expired")
public record InvitationExpired(String personId, String invitationId, Instant expiredAt) {
}
