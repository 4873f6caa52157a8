package org.civictaskforce.strategy.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civictaskforce.strategy.domain.guide.Guide;
import org.civictaskforce.strategy.domain.guide.LanguageProgress;
import org.civictaskforce.strategy.domain.guide.Section;

/** The guide with its sections (current source text) and, per section, the status of each translation. */
public record GuideResponse(String id, String sourceLanguage, List<String> targetLanguages,
        List<SectionView> sections, List<LanguageView> languages) {

    public record SectionView(String key, String title, String body, int revision, Instant changedAt,
            Map<String, TranslationState> translations) {
    }

    public record TranslationState(String status, Integer basedOnRevision) {
    }

    public static GuideResponse from(Guide guide) {
        return new GuideResponse(guide.id(), guide.sourceLanguage(), guide.targetLanguages(),
                guide.sections().stream().map(s -> section(guide, s)).toList(),
                guide.progress().stream().map(LanguageView::from).toList());
    }

    static SectionView section(Guide guide, Section s) {
        Map<String, TranslationState> states = new LinkedHashMap<>();
        for (String language : guide.targetLanguages()) {
            states.put(language, new TranslationState(guide.statusOf(s.key(), language).name(),
                    guide.translation(s.key(), language).map(t -> t.basedOnRevision()).orElse(null)));
        }
        return new SectionView(s.key(), s.current().title(), s.current().body(), s.revision(), s.current().changedAt(),
                states);
    }

    /** Completeness of one language. */
    public record LanguageView(String language, int approved, int total, int stale, boolean complete,
            List<String> notApproved, List<String> staleSections, int lastEdition) {
        static LanguageView from(LanguageProgress p) {
            return new LanguageView(p.language(), p.approved(), p.total(), p.stale(), p.complete(), p.notApproved(),
                    p.staleSections(), p.lastEdition());
        }
    }
}
