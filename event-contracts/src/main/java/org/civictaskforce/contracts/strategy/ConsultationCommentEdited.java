package org.civictaskforce.contracts.strategy;

import org.civictaskforce.contracts.EventType;

/** The author changed their comment (ids only, no text). */
@EventType("org.civictaskforce.strategy.consultation.comment-edited")
public record ConsultationCommentEdited(String roundId, String commentId) {
}
