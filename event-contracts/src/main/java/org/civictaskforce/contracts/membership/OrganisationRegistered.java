package org.civictaskforce.contracts.membership;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.EventType;

/** An organisation (CSO) was registered as a candidate. Carries no name and no contact: ids and facts. */
@EventType("org.civictaskforce.membership.organisation.registered")
public record OrganisationRegistered(String organisationId, String country, String kind, List<String> focusAreas,
        Instant registeredAt) {
}
