package org.civictaskforce.contracts.research;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/**
 * A coordinator returned a finding for revision with a comment (ids and version only: no statement or
 * comment text). {@code expertId} (optional, added compatibly to v1) is the assignment's expert, so
 * notification-service can tell them; absent ({@code null}) in events from before the field.
 */
@EventType("org.civictaskforce.research.finding.returned")
public record FindingReturned(String findingId, String assignmentId, int version, Instant returnedAt,
        String expertId) {

    /** Without the optional expert, as events from before it. */
    public FindingReturned(String findingId, String assignmentId, int version, Instant returnedAt) {
        this(findingId, assignmentId, version, returnedAt, null);
    }
}
