package org.civictaskforce.contracts.research;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/**
 * An institution is in research-service's catalogue (or its name changed there): the ids other
 * services may name, e.g. a meeting's decision on target institutions in membership-service. Raised
 * once per institution and name, also for the catalogue loaded at start-up; a restart raises nothing
 * for unchanged entries. Consumers keep the latest name per id.
 */
@EventType("org.civictaskforce.research.institution.catalogued")
public record InstitutionCatalogued(String institutionId, String name, Instant cataloguedAt) {
}
