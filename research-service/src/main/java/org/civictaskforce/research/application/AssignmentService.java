package org.civictaskforce.research.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.problem.ConflictException;
import org.civictaskforce.platform.problem.DomainRuleException;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.research.domain.Assignment;
import org.civictaskforce.research.domain.AssignmentStatus;
import org.civictaskforce.research.domain.Strand;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Research assignments: expert × country × institution × strand with a due date, and their lifecycle. */
@Service
public class AssignmentService {
    private final AssignmentStore assignments;
    private final CatalogueStore catalogue;
    private final MemberReadModel members;
    private final FindingService findings;
    private final Clock clock;

    public AssignmentService(AssignmentStore assignments, CatalogueStore catalogue, MemberReadModel members,
            FindingService findings, Clock clock) {
        this.assignments = assignments;
        this.catalogue = catalogue;
        this.members = members;
        this.findings = findings;
        this.clock = clock;
    }

    /** A new assignment and the plan's warnings (more than 3 experts in the country): warned, not refused. */
    public record Created(Assignment assignment, List<String> warnings) {
    }

    public Created assign(String expertId, String country, String institutionId, Strand strand, LocalDate dueDate) {
        if (catalogue.country(country).isEmpty()) {
            throw new DomainRuleException("country " + country + " is not one of the catalogue's countries");
        }
        if (catalogue.institution(institutionId).isEmpty()) {
            throw new DomainRuleException("institution " + institutionId + " is not in the catalogue");
        }
        if (!members.isActiveExpert(expertId)) {
            throw new DomainRuleException("person " + expertId + " is not an active member with the expert role");
        }
        Assignment.Change created = Assignment.create(UUID.randomUUID().toString(), expertId, country, institutionId,
                strand, dueDate, clock.instant());
        assignments.insert(created);
        Set<String> experts = new HashSet<>(assignments.expertsIn(country));
        experts.add(expertId);
        return new Created(created.assignment(), Assignment.expertWarnings(country, experts));
    }

    public Assignment get(String id) {
        return assignments.find(id).orElseThrow(() -> new NotFoundException("assignment", id));
    }

    public Page<Assignment> search(String country, String expertId, AssignmentStatus status, Pageable page) {
        return assignments.search(country, expertId, status, page);
    }

    /**
     * Moves the assignment on; an impossible transition is a conflict (409). Accepting it accepts its
     * submitted findings (one document each, after the assignment: if the process stops in between,
     * {@link UnfinishedWork} accepts the rest within a minute).
     */
    public Assignment moveTo(String id, AssignmentStatus next) {
        if (next == AssignmentStatus.SUBMITTED && findings.hasReturned(id)) {
            throw new ConflictException("assignment " + id
                    + " has a finding returned for revision: resubmit it before submitting the assignment");
        }
        Assignment moved = OptimisticRetry.run(() -> {
            Assignment.Change change = get(id).moveTo(next, clock.instant());
            assignments.update(change);
            return change.assignment();
        });
        if (next == AssignmentStatus.ACCEPTED) {
            findings.acceptSubmittedOf(id);
        }
        return moved;
    }
}
