package org.civictaskforce.contracts.research;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** A finding was submitted (ids and version only: no statement text). */
@EventType("org.civictaskforce.research.finding.submitted")
public record FindingSubmitted(String findingId, String assignmentId, int version, Instant submittedAt) {
}
