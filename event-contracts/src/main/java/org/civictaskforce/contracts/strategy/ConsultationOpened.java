package org.civictaskforce.contracts.strategy;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.EventType;

/** A consultation round was opened on a strategy version or a guide edition; {@code invitedPersonIds} are the people invited directly and through their organisations. */
@EventType("org.civictaskforce.strategy.consultation.opened")
public record ConsultationOpened(String roundId, String subjectKind, String subjectRef, Instant deadline, String timeZone, List<String> invitedPersonIds, List<String> invitedOrganisationIds) {
}
