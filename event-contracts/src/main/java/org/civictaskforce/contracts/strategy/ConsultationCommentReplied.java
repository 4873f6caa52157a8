package org.civictaskforce.contracts.strategy;

import org.civictaskforce.contracts.EventType;

/** Someone replied to a comment (ids only, no text). */
@EventType("org.civictaskforce.strategy.consultation.comment-replied")
public record ConsultationCommentReplied(String roundId, String commentId, String replyId, String authorId) {
}
