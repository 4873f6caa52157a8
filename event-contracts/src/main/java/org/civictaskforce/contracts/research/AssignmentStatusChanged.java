package org.civictaskforce.contracts.research;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** A research assignment moved in its lifecycle (ASSIGNED, IN_PROGRESS, SUBMITTED, RETURNED, ACCEPTED). */
@EventType("org.civictaskforce.research.assignment.status-changed")
public record AssignmentStatusChanged(String assignmentId, String from, String to, Instant changedAt) {
}
