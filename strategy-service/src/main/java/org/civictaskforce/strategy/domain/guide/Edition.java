package org.civictaskforce.strategy.domain.guide;

import java.time.Instant;
import java.util.List;

/** A published edition of the guide in one language: a snapshot that never changes. */
public record Edition(String guideId, String language, int number, String sourceLanguage, Instant publishedAt,
        List<EditionSection> sections) {
    public Edition {
        sections = List.copyOf(sections);
    }

    /** A section as published: the approved translation and the source revision it translates. */
    public record EditionSection(String key, String title, String body, int sourceRevision) {
    }
}
