package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** An invited person accepted the invitation; a coordinator activates them once consent is recorded. */
@EventType("org.civictaskforce.membership.invitation.accepted")
public record InvitationAccepted(String personId, String invitationId, Instant acceptedAt) {
}
