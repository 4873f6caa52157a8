package org.civictaskforce.strategy.web;

import java.time.Instant;

import org.civictaskforce.strategy.domain.guide.Guide;
import org.civictaskforce.strategy.domain.guide.Translation;

/** One translation: its text, the source revision it translates, and its status against the current source. */
public record TranslationResponse(String sectionKey, String language, String title, String body,
        int basedOnRevision, int sourceRevision, String status, Instant changedAt, String changedBy,
        String reviewComment) {

    static TranslationResponse of(Guide guide, String key, String language) {
        Translation t = guide.translation(key, language).orElseThrow();
        int sourceRevision = guide.sections().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow()
                .revision();
        return new TranslationResponse(key, language, t.title(), t.body(), t.basedOnRevision(), sourceRevision,
                guide.statusOf(key, language).name(), t.changedAt(), t.actorId(), t.reviewComment());
    }
}
