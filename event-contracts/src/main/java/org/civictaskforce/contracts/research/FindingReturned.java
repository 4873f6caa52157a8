package org.civictaskforce.contracts.research;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** A finding was returned (ids and version only: no statement text). */
@EventType("org.civictaskforce.research.finding.returned")
public record FindingReturned(String findingId, String assignmentId, int version, Instant returnedAt) {
}
