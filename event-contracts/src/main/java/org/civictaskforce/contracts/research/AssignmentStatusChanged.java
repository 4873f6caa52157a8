package org.civictaskforce.contracts.research;

import java.time.Instant;
import java.time.LocalDate;

import org.civictaskforce.contracts.EventType;

/**
 * A research assignment moved in its lifecycle (ASSIGNED, IN_PROGRESS, SUBMITTED, RETURNED, ACCEPTED). Carries
 * the assigned expert's id and the due date (both optional in the schema: absent in events published before
 * they were added), so a consumer can tell the expert and remind them without keeping its own copy.
 */
@EventType("org.civictaskforce.research.assignment.status-changed")
public record AssignmentStatusChanged(String assignmentId, String from, String to, Instant changedAt,
        String expertId, LocalDate dueDate) {
}
