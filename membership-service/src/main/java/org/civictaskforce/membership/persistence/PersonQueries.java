package org.civictaskforce.membership.persistence;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.membership.domain.PersonFilter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The list filters and the lookups of the scheduled jobs. */
interface PersonQueries {
    Page<PersonDocument> search(PersonFilter filter, Pageable pageable);

    /**
     * Ids of the people a filter selects (in list order, erased people left out), at most
     * {@code limit}: for inviting by filter. Same rules as the list, so a filter on a hidden
     * attribute leaves out protected identities.
     */
    List<String> idsMatching(PersonFilter filter, int limit);

    /** Ids of people whose invitation is unanswered and lapsed at {@code now}, at most {@code limit}. */
    List<String> lapsedInvitations(Instant now, int limit);
}
