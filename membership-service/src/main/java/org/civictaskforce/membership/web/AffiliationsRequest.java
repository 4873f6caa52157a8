package org.civictaskforce.membership.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/membership/people/{id}/affiliations}: the whole list of organisation ids. */
public record AffiliationsRequest(@NotNull @Size(max = 20) List<@NotBlank @Size(max = 100) String> organisationIds) {
}
