package org.civictaskforce.contracts.strategy;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.EventType;

/** An open round reaches its deadline within 24 hours (raised once per round). */
@EventType("org.civictaskforce.strategy.consultation.closing-soon")
public record ConsultationClosingSoon(String roundId, Instant deadline, String timeZone, List<String> invitedPersonIds) {
}
