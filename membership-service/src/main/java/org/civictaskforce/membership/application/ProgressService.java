package org.civictaskforce.membership.application;

import java.time.Clock;

import org.civictaskforce.membership.domain.PlanProgress;
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

    /**
     * @param countriesOfProtected whether experts with a protected identity are counted under their
     *                             country (coordinators) or only in the total (everyone else: the
     *                             people list hides their country from them too)
     */
    public PlanProgress progress(boolean countriesOfProtected) {
        ProgressQueries.DiscussionAttendance discussion = queries.discussionAttendance();
        java.util.Map<String, Long> perCountry = new java.util.TreeMap<>(
                queries.activeExpertsPerCountry(countriesOfProtected));
        Long withoutCountry = perCountry.remove(ProgressQueries.WITHOUT_COUNTRY);
        return PlanProgress.of(perCountry, withoutCountry == null ? 0 : withoutCountry,
                queries.pendingPersonInvitations(clock.instant()), queries.pendingOrganisationInvitations(),
                discussion.organisations(), discussion.countries());
    }
}
