package org.civictaskforce.membership.web;

import org.civictaskforce.membership.domain.Meeting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/membership/meetings/{id}/minutes}. */
public record MinutesRequest(@NotBlank @Size(max = Meeting.MINUTES_MAX) String text) {
}
