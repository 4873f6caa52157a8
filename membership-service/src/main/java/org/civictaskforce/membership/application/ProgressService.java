package org.civictaskforce.membership.application;

import java.time.Clock;

import org.civictaskforce.membership.domain.PlanProgress;
import org.civictaskforce.platform.security.Caller;
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
     * For any member. Experts with a protected identity are counted under their country for coordinators, and only in
     * the total for everyone else (the people list hides their country from them too).
     */
    public PlanProgress progress(Caller caller) {
        MemberAccess.requireMember(caller);
        boolean countriesOfProtected = caller.isCoordinator();
        ProgressQueries.DiscussionAttendance discussion = queries.discussionAttendance();
        java.util.Map<String, Long> perCountry = new java.util.TreeMap<>(
                queries.activeExpertsPerCountry(countriesOfProtected));
        Long withoutCountry = perCountry.remove(ProgressQueries.WITHOUT_COUNTRY);
        return PlanProgress.of(perCountry, withoutCountry == null ? 0 : withoutCountry,
                queries.pendingPersonInvitations(clock.instant()), queries.pendingOrganisationInvitations(),
                discussion.organisations(), discussion.countries());
    }
}
