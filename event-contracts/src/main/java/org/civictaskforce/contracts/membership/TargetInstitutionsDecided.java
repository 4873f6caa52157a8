package org.civictaskforce.contracts.membership;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.EventType;

/**
 * A meeting decided which institutions the working group targets (ids of research-service's
 * institution catalogue, e.g. "world-bank", "ebrd", "fatf"). research-service follows it.
 */
@EventType("org.civictaskforce.membership.meeting.target-institutions-decided")
public record TargetInstitutionsDecided(String meetingId, String decisionId, List<String> institutionIds,
        Instant decidedAt) {
}
