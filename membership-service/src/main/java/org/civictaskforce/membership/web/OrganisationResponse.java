package org.civictaskforce.membership.web;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.membership.domain.Organisation;
import org.civictaskforce.membership.domain.OrganisationKind;
import org.civictaskforce.membership.domain.OrganisationStatus;

/**
 * An organisation as shown in lists and after commands; {@code contact} only in the single read, and
 * only to coordinators.
 */
public record OrganisationResponse(String id, String name, String country, OrganisationKind kind,
        List<String> focusAreas, String website, OrganisationStatus status, Instant registeredAt, Contact contact) {

    public record Contact(String email, String phone) {
    }

    static OrganisationResponse of(Organisation o) {
        return new OrganisationResponse(o.id(), o.name(), o.country(), o.kind(), o.focusAreas(), o.website(),
                o.status(), o.registeredAt(), null);
    }

    static OrganisationResponse withContact(Organisation o) {
        Contact contact = o.contactEmail() == null && o.contactPhone() == null ? null
                : new Contact(o.contactEmail(), o.contactPhone());
        return new OrganisationResponse(o.id(), o.name(), o.country(), o.kind(), o.focusAreas(), o.website(),
                o.status(), o.registeredAt(), contact);
    }
}
