package org.civictaskforce.research.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.problem.ConflictException;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.research.domain.Assignment;
import org.civictaskforce.research.domain.AssignmentStatus;
import org.civictaskforce.research.domain.Finding;
import org.springframework.stereotype.Service;

/** Findings of assignments: submit, resubmit as a new version, review comments, accepted with the assignment. */
@Service
public class FindingService {
    private final FindingStore findings;
    private final AssignmentStore assignments;
    private final SearchService search;
    private final Clock clock;

    public FindingService(FindingStore findings, AssignmentStore assignments, SearchService search, Clock clock) {
        this.findings = findings;
        this.assignments = assignments;
        this.search = search;
        this.clock = clock;
    }

    public Finding submit(String assignmentId, Finding.Content content) {
        Assignment assignment = assignments.find(assignmentId)
                .orElseThrow(() -> new NotFoundException("assignment", assignmentId));
        Finding.Change created = Finding.submit(UUID.randomUUID().toString(), assignment, content, clock.instant());
        findings.insert(created);
        search.indexFinding(created.finding());
        return created.finding();
    }

    public Finding get(String id) {
        return findings.find(id).orElseThrow(() -> new NotFoundException("finding", id));
    }

    public List<Finding> ofAssignment(String assignmentId) {
        assignments.find(assignmentId).orElseThrow(() -> new NotFoundException("assignment", assignmentId));
        return findings.ofAssignment(assignmentId);
    }

    public Finding resubmit(String id, Finding.Content content) {
        Finding changed = OptimisticRetry.run(() -> {
            Finding before = get(id);
            Finding.Change change = before.resubmit(content, clock.instant());
            findings.update(before, change);
            return change.finding();
        });
        search.indexFinding(changed);
        return changed;
    }

    /** A review comment that changes nothing else (the finding stays as it is). */
    public Finding comment(String id, String comment) {
        return OptimisticRetry.run(() -> {
            Finding before = get(id);
            Finding.Change change = before.comment(comment, clock.instant());
            findings.update(before, change);
            return change.finding();
        });
    }

    /**
     * Return for revision, one step for the people involved: the finding becomes RETURNED with the comment on
     * its current version (its {@code FindingReturned} names the expert, who is told), and its assignment goes
     * from SUBMITTED back to IN_PROGRESS, where the expert corrects, resubmits and submits again. Only while the
     * assignment is SUBMITTED (under review), else 409. Two documents, the finding first: if the process stops
     * in between, {@link UnfinishedWork} reopens the assignment (an assignment is never left SUBMITTED with a
     * returned finding).
     */
    public Finding returnForRevision(String id, String comment) {
        Finding finding = get(id);
        Assignment assignment = assignments.find(finding.assignmentId())
                .orElseThrow(() -> new NotFoundException("assignment", finding.assignmentId()));
        if (assignment.status() != AssignmentStatus.SUBMITTED) {
            throw new ConflictException("assignment " + assignment.id() + " is " + assignment.status()
                    + ": findings are returned for revision while it is SUBMITTED");
        }
        Finding returned = OptimisticRetry.run(() -> {
            Finding before = get(id);
            Finding.Change change = before.returnForRevision(comment, assignment.expertId(), clock.instant());
            findings.update(before, change);
            return change.finding();
        });
        reopenIfSubmitted(assignment.id());
        return returned;
    }

    /** The assignment back to IN_PROGRESS if it is still SUBMITTED (a second return in a row finds it reopened). */
    void reopenIfSubmitted(String assignmentId) {
        OptimisticRetry.run(() -> {
            assignments.find(assignmentId).filter(a -> a.status() == AssignmentStatus.SUBMITTED)
                    .ifPresent(a -> assignments.update(a.reopenForRevision(clock.instant())));
            return null;
        });
    }

    /** Whether one of the assignment's findings waits for the expert's correction. */
    public boolean hasReturned(String assignmentId) {
        return findings.ofAssignment(assignmentId).stream()
                .anyMatch(f -> f.status() == Finding.FindingStatus.RETURNED);
    }

    /** Accepting an assignment accepts its submitted findings (returned ones stay returned). */
    public void acceptSubmittedOf(String assignmentId) {
        List<Finding> accepted = new java.util.ArrayList<>();
        for (Finding f : findings.ofAssignment(assignmentId)) {
            if (f.status() == Finding.FindingStatus.SUBMITTED) {
                OptimisticRetry.run(() -> {
                    Finding before = get(f.id());
                    if (before.status() == Finding.FindingStatus.SUBMITTED) {
                        Finding.Change change = before.accept(clock.instant());
                        findings.update(before, change);
                        accepted.add(change.finding());
                    }
                    return null;
                });
            }
        }
        search.indexFindings(accepted);
    }
}
