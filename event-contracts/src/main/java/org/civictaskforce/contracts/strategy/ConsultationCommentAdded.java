package org.civictaskforce.contracts.strategy;

import org.civictaskforce.contracts.EventType;

/** An invitee commented on a section (ids only, no text). */
@EventType("org.civictaskforce.strategy.consultation.comment-added")
public record ConsultationCommentAdded(String roundId, String commentId, String sectionKey, String authorId) {
}
