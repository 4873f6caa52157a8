package org.civictaskforce.contracts.strategy;

import org.civictaskforce.contracts.EventType;

/** The author withdrew their comment. */
@EventType("org.civictaskforce.strategy.consultation.comment-withdrawn")
public record ConsultationCommentWithdrawn(String roundId, String commentId) {
}
