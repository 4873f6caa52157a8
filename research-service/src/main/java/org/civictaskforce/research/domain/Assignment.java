package org.civictaskforce.research.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.civictaskforce.contracts.research.AssignmentCreated;
import org.civictaskforce.contracts.research.AssignmentStatusChanged;
import org.civictaskforce.platform.problem.ConflictException;

/** A research assignment: one expert, one country, one institution, one strand, a due date. */
public record Assignment(String id, String expertId, String country, String institutionId, Strand strand,
        LocalDate dueDate, AssignmentStatus status, Instant createdAt, Instant updatedAt) {
    /** The plan's number of experts per country. */
    public static final int MIN_EXPERTS_PER_COUNTRY = 1;
    public static final int MAX_EXPERTS_PER_COUNTRY = 3;

    /** An assignment with the events it raised. */
    public record Change(Assignment assignment, List<Object> events) {
    }

    public static Change create(String id, String expertId, String country, String institutionId, Strand strand,
            LocalDate dueDate, Instant now) {
        Assignment a = new Assignment(id, expertId, country, institutionId, strand, dueDate, AssignmentStatus.ASSIGNED,
                now, now);
        return new Change(a, List.of(new AssignmentCreated(id, expertId, country, institutionId, strand.name(),
                dueDate, now)));
    }

    public Change moveTo(AssignmentStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new ConflictException("assignment " + id + " is " + status + " and cannot become " + next);
        }
        Assignment moved = new Assignment(id, expertId, country, institutionId, strand, dueDate, next, createdAt, now);
        return new Change(moved, List.of(new AssignmentStatusChanged(id, status.name(), next.name(), now,
                expertId, dueDate)));
    }

    /**
     * A coordinator returned one of its findings for revision: SUBMITTED → IN_PROGRESS, the state the
     * expert edits, adds findings and submits in. Not a transition the expert may make ({@code start}).
     */
    public Change reopenForRevision(Instant now) {
        if (status != AssignmentStatus.SUBMITTED) {
            throw new ConflictException("assignment " + id + " is " + status
                    + ": its findings are returned for revision while it is SUBMITTED");
        }
        Assignment moved = new Assignment(id, expertId, country, institutionId, strand, dueDate,
                AssignmentStatus.IN_PROGRESS, createdAt, now);
        return new Change(moved, List.of(new AssignmentStatusChanged(id, status.name(),
                AssignmentStatus.IN_PROGRESS.name(), now, expertId, dueDate)));
    }

    /**
     * The plan says 1–3 experts per country: more is allowed but answered with a warning.
     *
     * @param expertsInCountry the distinct experts with an assignment in {@code country}, the new one included
     */
    public static List<String> expertWarnings(String country, Set<String> expertsInCountry) {
        List<String> warnings = new ArrayList<>();
        if (expertsInCountry.size() > MAX_EXPERTS_PER_COUNTRY) {
            warnings.add(country + " now has " + expertsInCountry.size() + " experts; the plan foresees "
                    + MIN_EXPERTS_PER_COUNTRY + "–" + MAX_EXPERTS_PER_COUNTRY + " per country");
        }
        return warnings;
    }
}
