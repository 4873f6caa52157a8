package org.civictaskforce.membership.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * research-service's institution catalogue as this service knows it from {@code InstitutionCatalogued}: the ids a
 * decision on target institutions may name. Each event is one idempotent write.
 */
public interface InstitutionReadModel {
    /** @return false if this event had been applied before */
    boolean record(String eventId, String institutionId, String name, Instant cataloguedAt);

    /** The ids among these that are not in the catalogue, in the order given. */
    List<String> unknown(Collection<String> institutionIds);
}
