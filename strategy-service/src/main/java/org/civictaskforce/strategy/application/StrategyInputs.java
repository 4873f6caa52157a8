package org.civictaskforce.strategy.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the strategy draws from the other services' events: the target institutions the group
 * decided (membership) and the research findings accepted so far (research; ids only, the events
 * carry no titles). Writes are idempotent.
 */
public interface StrategyInputs {

    /** Keeps the latest decision only (an older decision delivered late changes nothing). */
    void targetsDecided(String decisionId, List<String> institutionIds, Instant decidedAt);

    List<String> decidedTargets();

    /** @return false if the finding was known as accepted already */
    boolean findingAccepted(String findingId, String assignmentId, int version, Instant acceptedAt);

    Set<String> acceptedFindings();

    record AcceptedFinding(String findingId, String assignmentId, int version, Instant acceptedAt) {
    }

    List<AcceptedFinding> acceptedFindingList();
}
