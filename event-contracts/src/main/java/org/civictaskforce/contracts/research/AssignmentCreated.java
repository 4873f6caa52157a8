package org.civictaskforce.contracts.research;

import java.time.Instant;
import java.time.LocalDate;

import org.civictaskforce.contracts.EventType;

/** A coordinator assigned research to an expert (ids only: no names). */
@EventType("org.civictaskforce.research.assignment.created")
public record AssignmentCreated(String assignmentId, String expertId, String country, String institutionId,
        String strand, LocalDate dueDate, Instant createdAt) {
}
