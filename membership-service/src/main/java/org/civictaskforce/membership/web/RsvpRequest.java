package org.civictaskforce.membership.web;

import org.civictaskforce.membership.domain.RsvpResponse;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/membership/meetings/{id}/rsvp}. TODO(identity): the caller must be that person. */
public record RsvpRequest(@NotBlank @Size(max = 100) String personId, @NotNull RsvpResponse response) {
}
