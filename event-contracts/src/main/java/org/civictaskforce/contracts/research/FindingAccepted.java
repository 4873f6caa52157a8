package org.civictaskforce.contracts.research;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** A finding was accepted (ids and version only: no statement text). */
@EventType("org.civictaskforce.research.finding.accepted")
public record FindingAccepted(String findingId, String assignmentId, int version, Instant acceptedAt) {
}
