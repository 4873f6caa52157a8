package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** An invited person declined the invitation; they may be invited again later. */
@EventType("org.civictaskforce.membership.invitation.declined")
public record InvitationDeclined(String personId, String invitationId, Instant declinedAt) {
}
