package org.civictaskforce.strategy.domain.guide;

/** Where the translation of one section into one language stands. */
public enum TranslationStatus {
    MISSING, DRAFT, IN_REVIEW, APPROVED,
    /** The source section changed after the revision the translation is based on. */
    STALE
}
