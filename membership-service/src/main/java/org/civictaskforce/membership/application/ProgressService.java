package org.civictaskforce.membership.application;

import java.time.Clock;

import org.civictaskforce.membership.domain.PlanProgress;
import org.civictaskforce.membership.persistence.ProgressQueries;
import org.springframework.stereotype.Service;

/** Progress against the plan, live from the data. */
@Service
public class ProgressService {
    private final ProgressQueries queries;
    private final Clock clock;

    public ProgressService(ProgressQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public PlanProgress progress() {
        ProgressQueries.DiscussionAttendance discussion = queries.discussionAttendance();
        return PlanProgress.of(queries.activeExpertsPerCountry(), queries.pendingPersonInvitations(clock.instant()),
                queries.pendingOrganisationInvitations(), discussion.organisations(), discussion.countries());
    }
}
