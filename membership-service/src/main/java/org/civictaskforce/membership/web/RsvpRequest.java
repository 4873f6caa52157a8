package org.civictaskforce.membership.web;

import org.civictaskforce.membership.domain.RsvpResponse;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/membership/meetings/{id}/rsvp}: the answer of the caller. {@code personId}
 * is optional and, when given, must be the caller's own id.
 */
public record RsvpRequest(@Size(min = 1, max = 100) String personId, @NotNull RsvpResponse response) {
}
