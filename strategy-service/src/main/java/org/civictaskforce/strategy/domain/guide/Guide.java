package org.civictaskforce.strategy.domain.guide;

import static org.civictaskforce.strategy.domain.guide.GuideRuleException.Kind.CONFLICT;
import static org.civictaskforce.strategy.domain.guide.GuideRuleException.Kind.INVALID;
import static org.civictaskforce.strategy.domain.guide.GuideRuleException.Kind.NOT_FOUND;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.civictaskforce.contracts.strategy.GuideEditionPublished;
import org.civictaskforce.contracts.strategy.GuideSectionChanged;
import org.civictaskforce.contracts.strategy.GuideTranslationStatusChanged;
import org.civictaskforce.contracts.strategy.GuideTranslatorsChanged;

/**
 * The information guide on advocacy in the IFIs: ordered sections authored in one source language
 * (ru or en), their translations, and the number of the last edition published per language.
 * Every command returns the events it raises.
 */
public class Guide {
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    private final String id;
    private final String sourceLanguage;
    private final List<Section> sections;
    private final List<Translation> translations;
    private final Map<String, Integer> lastEditions;
    /** Per target language, the ids of the people assigned to translate into it. */
    private final Map<String, List<String>> translators;

    private Guide(String id, String sourceLanguage, List<Section> sections, List<Translation> translations,
            Map<String, Integer> lastEditions, Map<String, List<String>> translators) {
        if (!GuideLanguages.isSource(sourceLanguage)) {
            throw new IllegalArgumentException("the guide is authored in ru or en, not " + sourceLanguage);
        }
        this.id = id;
        this.sourceLanguage = sourceLanguage;
        this.sections = new ArrayList<>(sections);
        this.translations = new ArrayList<>(translations);
        this.lastEditions = new HashMap<>(lastEditions);
        this.translators = new TreeMap<>();
        translators.forEach((language, ids) -> this.translators.put(language, List.copyOf(ids)));
    }

    public static Guide start(String id, String sourceLanguage) {
        return new Guide(id, sourceLanguage, List.of(), List.of(), Map.of(), Map.of());
    }

    public static Guide restore(String id, String sourceLanguage, List<Section> sections,
            List<Translation> translations, Map<String, Integer> lastEditions, Map<String, List<String>> translators) {
        return new Guide(id, sourceLanguage, sections, translations, lastEditions == null ? Map.of() : lastEditions,
                translators == null ? Map.of() : translators);
    }

    public String id() {
        return id;
    }

    public String sourceLanguage() {
        return sourceLanguage;
    }

    public List<Section> sections() {
        return List.copyOf(sections);
    }

    public List<Translation> translations() {
        return List.copyOf(translations);
    }

    public Map<String, Integer> lastEditions() {
        return Map.copyOf(lastEditions);
    }

    /** Per target language, the people assigned to translate into it. */
    public Map<String, List<String>> translators() {
        return Map.copyOf(translators);
    }

    public List<String> translatorsOf(String language) {
        return translators.getOrDefault(language, List.of());
    }

    public boolean isTranslatorOf(String language, String personId) {
        return personId != null && translatorsOf(language).contains(personId);
    }

    public List<String> targetLanguages() {
        return GuideLanguages.targetsFor(sourceLanguage);
    }

    // --- source sections ---------------------------------------------------------------------

    public List<Object> addSection(String key, String title, String body, Instant now, String actorId) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new GuideRuleException(INVALID, "a section key is 1-60 lower-case letters, digits or '-'");
        }
        requireText(title, body);
        if (findSection(key).isPresent()) {
            throw new GuideRuleException(CONFLICT, "section " + key + " already exists");
        }
        sections.add(new Section(key, List.of(new SectionRevision(1, title, body, now, actorId))));
        return List.of(new GuideSectionChanged(id, key, sourceLanguage, 1));
    }

    /** A change of title or body makes a new revision and turns every translation based on an older one stale. */
    public List<Object> changeSection(String key, String title, String body, Instant now, String actorId) {
        requireText(title, body);
        Section section = section(key);
        SectionRevision current = section.current();
        if (current.title().equals(title) && current.body().equals(body)) {
            return List.of();
        }
        int next = current.revision() + 1;
        sections.set(sections.indexOf(section), section.with(new SectionRevision(next, title, body, now, actorId)));
        List<Object> events = new ArrayList<>();
        events.add(new GuideSectionChanged(id, key, sourceLanguage, next));
        for (Translation t : translations) {
            if (t.sectionKey().equals(key) && t.statusAgainst(current.revision()) != TranslationStatus.STALE) {
                events.add(statusEvent(t, TranslationStatus.STALE, next));
            }
        }
        return events;
    }

    // --- translators per language ------------------------------------------------------------

    /** Assigns a person to translate into a language (already assigned: nothing changes). */
    public List<Object> assignTranslator(String language, String personId) {
        requireTarget(language);
        if (personId == null || personId.isBlank() || personId.length() > 100) {
            throw new GuideRuleException(INVALID, "a translator is named by a person id");
        }
        List<String> now = translatorsOf(language);
        if (now.contains(personId)) {
            return List.of();
        }
        List<String> next = new ArrayList<>(now);
        next.add(personId);
        translators.put(language, List.copyOf(next));
        return List.of(new GuideTranslatorsChanged(id, language, List.copyOf(next)));
    }

    /** Takes a person off a language (not assigned: nothing changes). */
    public List<Object> unassignTranslator(String language, String personId) {
        requireTarget(language);
        List<String> now = translatorsOf(language);
        if (!now.contains(personId)) {
            return List.of();
        }
        List<String> next = new ArrayList<>(now);
        next.remove(personId);
        translators.put(language, List.copyOf(next));
        return List.of(new GuideTranslatorsChanged(id, language, List.copyOf(next)));
    }

    /** What an erasure changed: whether anything was rewritten, and the events it raises. */
    public record Anonymisation(boolean changed, List<Object> events) {
    }

    /**
     * Erasure: the person's id goes from every revision and translation they wrote (replaced by
     * {@code anonymousId}, so the history still shows that someone made the change) and from every
     * language they translated into.
     */
    public Anonymisation anonymise(String personId, String anonymousId) {
        boolean changed = false;
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.revisions().stream().anyMatch(r -> personId.equals(r.actorId()))) {
                sections.set(i, new Section(s.key(), s.revisions().stream()
                        .map(r -> personId.equals(r.actorId()) ? new SectionRevision(r.revision(), r.title(), r.body(),
                                r.changedAt(), anonymousId) : r)
                        .toList()));
                changed = true;
            }
        }
        for (int i = 0; i < translations.size(); i++) {
            Translation t = translations.get(i);
            if (personId.equals(t.actorId())) {
                translations.set(i, new Translation(t.sectionKey(), t.language(), t.title(), t.body(),
                        t.basedOnRevision(), t.status(), t.changedAt(), anonymousId, t.reviewComment()));
                changed = true;
            }
        }
        List<Object> events = new ArrayList<>();
        for (String language : List.copyOf(translators.keySet())) {
            events.addAll(unassignTranslator(language, personId));
        }
        return new Anonymisation(changed || !events.isEmpty(), events);
    }

    // --- translations ------------------------------------------------------------------------

    /** Writes (or rewrites) a translation as a draft based on a revision of the source. */
    public List<Object> translate(String key, String language, String title, String body, int basedOnRevision,
            Instant now, String actorId) {
        requireTarget(language);
        requireText(title, body);
        Section section = section(key);
        if (section.at(basedOnRevision).isEmpty()) {
            throw new GuideRuleException(INVALID, "section " + key + " has no revision " + basedOnRevision
                    + " (current: " + section.revision() + ")");
        }
        Optional<Translation> before = findTranslation(key, language);
        TranslationStatus was = before.map(t -> t.statusAgainst(section.revision())).orElse(TranslationStatus.MISSING);
        // a reviewer's comment stays with the draft until it is submitted again (the translator revises against it)
        Translation draft = new Translation(key, language, title, body, basedOnRevision, TranslationStatus.DRAFT, now,
                actorId, before.map(Translation::reviewComment).orElse(null));
        before.ifPresentOrElse(t -> translations.set(translations.indexOf(t), draft), () -> translations.add(draft));
        TranslationStatus is = draft.statusAgainst(section.revision());
        return was == is && before.get().basedOnRevision() == basedOnRevision ? List.of()
                : List.of(statusEvent(draft, is, section.revision()));
    }

    public List<Object> submit(String key, String language, Instant now, String actorId) {
        return move(key, language, TranslationStatus.DRAFT, TranslationStatus.IN_REVIEW, null, now, actorId);
    }

    public List<Object> approve(String key, String language, Instant now, String actorId) {
        return move(key, language, TranslationStatus.IN_REVIEW, TranslationStatus.APPROVED, null, now, actorId);
    }

    /** A reviewer sends a translation in review back to its translator, saying why ({@code comment}, optional). */
    public List<Object> returnToTranslator(String key, String language, String comment, Instant now, String actorId) {
        String why = comment == null || comment.isBlank() ? null : comment.strip();
        return move(key, language, TranslationStatus.IN_REVIEW, TranslationStatus.DRAFT, why, now, actorId);
    }

    private List<Object> move(String key, String language, TranslationStatus from, TranslationStatus to,
            String comment, Instant now, String actorId) {
        requireTarget(language);
        Section section = section(key);
        Translation t = findTranslation(key, language).orElseThrow(() -> new GuideRuleException(CONFLICT,
                "section " + key + " has no " + language + " translation yet"));
        TranslationStatus status = t.statusAgainst(section.revision());
        if (status != from) {
            throw new GuideRuleException(CONFLICT, "the " + language + " translation of " + key + " is " + status
                    + (status == TranslationStatus.STALE ? " (update it to revision " + section.revision() + " first)"
                            : ", not " + from));
        }
        Translation moved = t.with(to, now, actorId, comment);
        translations.set(translations.indexOf(t), moved);
        return List.of(statusEvent(moved, to, section.revision()));
    }

    public TranslationStatus statusOf(String key, String language) {
        Section section = section(key);
        return findTranslation(key, language).map(t -> t.statusAgainst(section.revision()))
                .orElse(TranslationStatus.MISSING);
    }

    public Optional<Translation> translation(String key, String language) {
        requireTarget(language);
        section(key);
        return findTranslation(key, language);
    }

    /** The source text the translation was based on, the text now, and the lines that changed. */
    public SourceDiff sourceDiff(String key, String language) {
        Section section = section(key);
        Translation t = translation(key, language).orElseThrow(() -> new GuideRuleException(NOT_FOUND,
                "section " + key + " has no " + language + " translation"));
        SectionRevision then = section.at(t.basedOnRevision()).orElseThrow();
        SectionRevision now = section.current();
        return new SourceDiff(key, language, then, now, LineDiff.between(then.title() + "\n\n" + then.body(),
                now.title() + "\n\n" + now.body()));
    }

    public record SourceDiff(String sectionKey, String language, SectionRevision basedOn, SectionRevision current,
            List<LineDiff.Line> lines) {
    }

    // --- completeness and editions -----------------------------------------------------------

    public LanguageProgress progress(String language) {
        requireTarget(language);
        List<String> notApproved = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Section s : sections) {
            TranslationStatus status = statusOf(s.key(), language);
            if (status != TranslationStatus.APPROVED) {
                notApproved.add(s.key());
            }
            if (status == TranslationStatus.STALE) {
                stale.add(s.key());
            }
        }
        int total = sections.size();
        return new LanguageProgress(language, total - notApproved.size(), total, stale.size(),
                total > 0 && notApproved.isEmpty(), notApproved, stale, lastEditions.getOrDefault(language, 0));
    }

    public List<LanguageProgress> progress() {
        return targetLanguages().stream().map(this::progress).toList();
    }

    public record Publication(Edition edition, List<Object> events) {
    }

    /** Publishes the next edition in a language, only when every section is approved in it. */
    public Publication publish(String language, Instant now) {
        LanguageProgress progress = progress(language);
        if (!progress.complete()) {
            throw new GuideRuleException(CONFLICT, progress.total() == 0 ? "the guide has no sections yet"
                    : "not every section is approved in " + language + ": not approved " + progress.notApproved()
                            + (progress.staleSections().isEmpty() ? "" : ", of which stale " + progress.staleSections()));
        }
        int number = progress.lastEdition() + 1;
        List<Edition.EditionSection> snapshot = sections.stream().map(s -> {
            Translation t = findTranslation(s.key(), language).orElseThrow();
            return new Edition.EditionSection(s.key(), t.title(), t.body(), t.basedOnRevision());
        }).toList();
        lastEditions.put(language, number);
        Edition edition = new Edition(id, language, number, sourceLanguage, now, snapshot);
        return new Publication(edition, List.of(new GuideEditionPublished(id, language, number, snapshot.size())));
    }

    // --- helpers -----------------------------------------------------------------------------

    private GuideTranslationStatusChanged statusEvent(Translation t, TranslationStatus status, int sourceRevision) {
        return new GuideTranslationStatusChanged(id, t.sectionKey(), t.language(), status.name(), t.basedOnRevision(),
                sourceRevision);
    }

    private Section section(String key) {
        return findSection(key).orElseThrow(() -> new GuideRuleException(NOT_FOUND, "section " + key + " does not exist"));
    }

    private Optional<Section> findSection(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    private Optional<Translation> findTranslation(String key, String language) {
        return translations.stream().filter(t -> t.sectionKey().equals(key) && t.language().equals(language))
                .findFirst();
    }

    private void requireTarget(String language) {
        if (!targetLanguages().contains(language)) {
            throw new GuideRuleException(INVALID, "the guide is translated into " + targetLanguages() + ", not "
                    + language);
        }
    }

    private static void requireText(String title, String body) {
        if (title == null || title.isBlank() || body == null || body.isBlank()) {
            throw new GuideRuleException(INVALID, "a title and a body are required");
        }
    }
}
