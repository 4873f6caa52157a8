package org.civictaskforce.membership.domain;

/** The filters of the organisations list; {@code null} means "any". */
public record OrganisationFilter(String country, OrganisationStatus status, OrganisationKind kind, String focusArea,
        String text) {
}
