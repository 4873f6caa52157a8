package org.civictaskforce.contracts.research;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/**
 * A coordinator corrected a standard of a catalogue institution: {@code version} is the new version,
 * the previous one is kept in research-service's history. Ids and versions only.
 */
@EventType("org.civictaskforce.research.institution.standard-corrected")
public record InstitutionStandardCorrected(String institutionId, String standardId, int version,
        Instant correctedAt) {
}
