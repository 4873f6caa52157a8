package org.civictaskforce.research.application;

import org.civictaskforce.research.domain.AssignmentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes, every {@code research.catch-up.interval} (1 min), what a process stopped half way leaves
 * behind: the findings of an accepted assignment still submitted (accepting saves the assignment, then
 * each finding), the assignment of a finding returned for revision still SUBMITTED (returning saves the
 * finding, then reopens the assignment), and findings or search entries not yet brought up to date in the search index. Every
 * step is idempotent, so replicas running it at the same time do no harm. Start-up runs the search part
 * too ({@link SearchService#startUp}).
 */
@Component
@EnableScheduling
public class UnfinishedWork {
    private static final Logger log = LoggerFactory.getLogger(UnfinishedWork.class);

    private final FindingStore findings;
    private final AssignmentStore assignments;
    private final FindingService findingService;
    private final SearchService search;

    public UnfinishedWork(FindingStore findings, AssignmentStore assignments, FindingService findingService,
            SearchService search) {
        this.findings = findings;
        this.assignments = assignments;
        this.findingService = findingService;
        this.search = search;
    }

    @Scheduled(initialDelayString = "${research.catch-up.interval:60s}",
            fixedDelayString = "${research.catch-up.interval:60s}")
    public void finish() {
        for (String assignmentId : findings.assignmentsWithSubmittedFindings()) {
            assignments.find(assignmentId).filter(a -> a.status() == AssignmentStatus.ACCEPTED).ifPresent(a -> {
                log.info("finishing the acceptance of assignment {}", assignmentId);
                findingService.acceptSubmittedOf(assignmentId);
            });
        }
        for (String assignmentId : findings.assignmentsWithReturnedFindings()) {
            assignments.find(assignmentId).filter(a -> a.status() == AssignmentStatus.SUBMITTED).ifPresent(a -> {
                log.info("finishing the return for revision of assignment {}", assignmentId);
                findingService.reopenIfSubmitted(assignmentId);
            });
        }
        search.catchUp();
    }
}
