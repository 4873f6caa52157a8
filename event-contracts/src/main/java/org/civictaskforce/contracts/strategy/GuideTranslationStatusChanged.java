package org.civictaskforce.contracts.strategy;

import org.civictaskforce.contracts.EventType;

/**
 * The translation of a guide section into a language changed status (DRAFT, IN_REVIEW, APPROVED, or
 * STALE when the source section changed after the revision the translation is based on).
 */
@EventType("org.civictaskforce.strategy.guide.translation-status-changed")
public record GuideTranslationStatusChanged(String guideId, String sectionKey, String language, String status,
        int basedOnRevision, int sourceRevision) {
}
