package org.civictaskforce.contracts.strategy;

import org.civictaskforce.contracts.EventType;

/** A coordinator resolved a comment: ACCEPTED or DECLINED (the reason stays in the service). */
@EventType("org.civictaskforce.strategy.consultation.comment-resolved")
public record ConsultationCommentResolved(String roundId, String commentId, String authorId, String outcome) {
}
