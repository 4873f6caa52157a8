package org.civictaskforce.contracts.strategy;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** A consultation round closed at its deadline, with how many took part. */
@EventType("org.civictaskforce.strategy.consultation.closed")
public record ConsultationClosed(String roundId, String subjectKind, String subjectRef, Instant closedAt, int comments, int organisations, int countries) {
}
