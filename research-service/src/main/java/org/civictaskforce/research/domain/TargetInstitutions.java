package org.civictaskforce.research.domain;

import java.time.Instant;
import java.util.List;

/**
 * The institutions the Working Group targets, as last decided in one of its meetings (the decision
 * with the latest {@code decidedAt} wins, whatever order the events arrive in). Before any decision:
 * no institutions and no decision.
 */
public record TargetInstitutions(List<String> institutionIds, Instant decidedAt, String meetingId,
        String decisionId) {
    public static final TargetInstitutions NONE = new TargetInstitutions(List.of(), null, null, null);

    public TargetInstitutions {
        institutionIds = institutionIds == null ? List.of() : List.copyOf(institutionIds);
    }

    /** Whether a decision taken at {@code candidate} replaces this one: only a strictly later one does. */
    public boolean isReplacedBy(Instant candidate) {
        return decidedAt == null || candidate.isAfter(decidedAt);
    }
}
