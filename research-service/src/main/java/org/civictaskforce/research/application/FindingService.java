package org.civictaskforce.research.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.research.domain.Assignment;
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

    public Finding review(String id, String comment, boolean giveBack) {
        return OptimisticRetry.run(() -> {
            Finding before = get(id);
            Finding.Change change = before.review(comment, giveBack, clock.instant());
            findings.update(before, change);
            return change.finding();
        });
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
