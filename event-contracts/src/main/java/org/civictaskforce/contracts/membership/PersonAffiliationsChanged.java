package org.civictaskforce.contracts.membership;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.EventType;

/** The organisations a person is affiliated with changed; {@code organisationIds} is the whole new list. */
@EventType("org.civictaskforce.membership.person.affiliations-changed")
public record PersonAffiliationsChanged(String personId, List<String> organisationIds, Instant changedAt) {
}
