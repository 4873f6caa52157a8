package org.civictaskforce.membership.web;

import java.time.Instant;

import org.civictaskforce.membership.domain.MembershipStatus;

/** Answer to {@code POST /api/membership/people/{id}/invitations}. */
public record InvitationResponse(String personId, String invitationId, MembershipStatus status, Instant invitedAt,
        Instant expiresAt) {
}
