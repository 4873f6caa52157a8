package org.civictaskforce.strategy.web;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.strategy.domain.guide.Edition;

/** A published edition (immutable). */
public record EditionResponse(String guideId, String language, int number, String sourceLanguage,
        Instant publishedAt, List<EditionSectionView> sections) {

    public record EditionSectionView(String key, String title, String body, int sourceRevision) {
    }

    static EditionResponse from(Edition e) {
        return new EditionResponse(e.guideId(), e.language(), e.number(), e.sourceLanguage(), e.publishedAt(),
                e.sections().stream().map(s -> new EditionSectionView(s.key(), s.title(), s.body(), s.sourceRevision()))
                        .toList());
    }
}
