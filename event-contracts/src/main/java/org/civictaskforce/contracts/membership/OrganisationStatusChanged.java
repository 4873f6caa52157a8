package org.civictaskforce.contracts.membership;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/**
 * An organisation moved in its working-group lifecycle: {@code INVITED}, {@code MEMBER} or
 * {@code WITHDRAWN} (from {@code previousStatus}).
 */
@EventType("org.civictaskforce.membership.organisation.status-changed")
public record OrganisationStatusChanged(String organisationId, String previousStatus, String status,
        Instant changedAt) {
}
