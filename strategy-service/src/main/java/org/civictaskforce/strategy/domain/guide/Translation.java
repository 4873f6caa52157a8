package org.civictaskforce.strategy.domain.guide;

import java.time.Instant;

/**
 * The translation of one section into one language. {@code status} is the workflow status the
 * translators set (DRAFT, IN_REVIEW, APPROVED); whether it is stale is decided against the source
 * section's current revision ({@link #statusAgainst(int)}). {@code reviewComment}: why a reviewer returned it
 * (null when it was not returned, or once it is submitted again); the translator reads it while revising.
 */
public record Translation(String sectionKey, String language, String title, String body, int basedOnRevision,
        TranslationStatus status, Instant changedAt, String actorId, String reviewComment) {

    public TranslationStatus statusAgainst(int sourceRevision) {
        return basedOnRevision < sourceRevision ? TranslationStatus.STALE : status;
    }

    Translation with(TranslationStatus next, Instant at, String actor, String comment) {
        return new Translation(sectionKey, language, title, body, basedOnRevision, next, at, actor, comment);
    }
}
