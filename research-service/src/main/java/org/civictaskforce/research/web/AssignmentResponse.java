package org.civictaskforce.research.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.civictaskforce.research.domain.Assignment;
import org.civictaskforce.research.domain.AssignmentStatus;
import org.civictaskforce.research.domain.Strand;

/** An assignment; {@code warnings} lists the plan's concerns (e.g. more than 3 experts in a country). */
public record AssignmentResponse(String id, String expertId, String country, String institutionId, Strand strand,
        LocalDate dueDate, AssignmentStatus status, Instant createdAt, Instant updatedAt, List<String> warnings) {

    static AssignmentResponse of(Assignment a, List<String> warnings) {
        return new AssignmentResponse(a.id(), a.expertId(), a.country(), a.institutionId(), a.strand(), a.dueDate(),
                a.status(), a.createdAt(), a.updatedAt(), warnings);
    }

    static AssignmentResponse of(Assignment a) {
        return of(a, List.of());
    }
}
