package org.civictaskforce.strategy.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.platform.security.Caller;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.strategy.domain.guide.Edition;
import org.civictaskforce.strategy.domain.guide.EditionHeading;
import org.civictaskforce.strategy.domain.guide.Guide;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Use cases on the information guide. There is one guide ({@code strategy.guide.id}), authored in
 * {@code strategy.guide.source-language}; it is created by its first section. State and events are
 * saved in one document write; editions are inserted once and never updated.
 */
@Service
public class GuideService {
    private final GuideStore guides;
    private final EditionStore editions;
    private final Clock clock;
    private final String guideId;
    private final String sourceLanguage;

    public GuideService(GuideStore guides, EditionStore editions, Clock clock,
            @Value("${strategy.guide.id:ifi-advocacy}") String guideId,
            @Value("${strategy.guide.source-language:ru}") String sourceLanguage) {
        this.guides = guides;
        this.editions = editions;
        this.clock = clock;
        this.guideId = guideId;
        this.sourceLanguage = sourceLanguage;
    }

    /** The guide as it stands (an empty guide before the first section is written). */
    public Guide guide() {
        return load().value();
    }

    public Guide addSection(String key, String title, String body, Caller caller) {
        caller.requireCoordinator();
        return change(g -> g.addSection(key, title, body, clock.instant(), caller.subject()));
    }

    public Guide changeSection(String key, String title, String body, Caller caller) {
        caller.requireCoordinator();
        return change(g -> g.changeSection(key, title, body, clock.instant(), caller.subject()));
    }

    /** Coordinators assign people to translate into a language. */
    public Guide assignTranslator(String language, String personId, Caller caller) {
        caller.requireCoordinator();
        return change(g -> g.assignTranslator(language, personId));
    }

    public Guide unassignTranslator(String language, String personId, Caller caller) {
        caller.requireCoordinator();
        return change(g -> g.unassignTranslator(language, personId));
    }

    /** Only the translators assigned to the language (holding the translator role) write and submit in it. */
    public Guide translate(String key, String language, String title, String body, int basedOnRevision,
            Caller caller) {
        return change(g -> {
            requireTranslator(g, language, caller);
            return g.translate(key, language, title, body, basedOnRevision, clock.instant(), caller.subject());
        });
    }

    public Guide submit(String key, String language, Caller caller) {
        return change(g -> {
            requireTranslator(g, language, caller);
            return g.submit(key, language, clock.instant(), caller.subject());
        });
    }

    /** Review (approve or return) is the coordinators'. */
    public Guide approve(String key, String language, Caller caller) {
        caller.requireCoordinator();
        return change(g -> g.approve(key, language, clock.instant(), caller.subject()));
    }

    public Guide returnToTranslator(String key, String language, String comment, Caller caller) {
        caller.requireCoordinator();
        return change(g -> g.returnToTranslator(key, language, comment, clock.instant(), caller.subject()));
    }

    /**
     * Erasure: the person's id is replaced by one anonymous id in every revision and translation they
     * wrote, and they leave every language they translated into. Idempotent.
     */
    public boolean personErased(String personId) {
        String anonymousId = "erased-" + UUID.randomUUID();
        return OptimisticRetry.run(() -> {
            Versioned<Guide> loaded = guides.find(guideId).orElse(null);
            if (loaded == null) {
                return false;
            }
            Guide.Anonymisation result = loaded.value().anonymise(personId, anonymousId);
            if (!result.changed()) {
                return false;
            }
            guides.save(loaded, result.events());
            return true;
        });
    }

    private static void requireTranslator(Guide guide, String language, Caller caller) {
        if (!guide.targetLanguages().contains(language)) {
            return; // the guide's own rule answers (422)
        }
        caller.require(caller.has(Role.TRANSLATOR) && guide.isTranslatorOf(language, caller.subject()),
                "Only the translators assigned to this language may write or submit its translations.");
    }

    /** Publishes the next edition in a language; the snapshot is inserted before the guide records its number. */
    public Edition publish(String language, Caller caller) {
        caller.requireCoordinator();
        return OptimisticRetry.run(() -> {
            Versioned<Guide> loaded = load();
            Guide.Publication publication = loaded.value().publish(language, clock.instant());
            editions.insert(publication.edition()); // a concurrent publication of the same number fails here (409)
            try {
                guides.save(loaded, publication.events());
            } catch (OptimisticLockingFailureException e) {
                editions.delete(publication.edition());
                throw e;
            }
            return publication.edition();
        });
    }

    public Edition edition(String language, int number) {
        return editions.find(guideId, language, number)
                .orElseThrow(() -> new NotFoundException("Edition", language + "/" + number));
    }

    /**
     * The editions of a language that are published, newest first, without their text: those the guide has
     * recorded. A snapshot inserted by a publication that then lost its race (and is being taken back) is
     * not listed.
     */
    public List<EditionHeading> publishedEditions(String language) {
        int last = lastEdition(language);
        return editions.headings(guideId, language).stream().filter(e -> e.number() <= last).toList();
    }

    /** A published edition (as {@link #publishedEditions}), else 404. */
    public Edition publishedEdition(String language, int number) {
        if (number > lastEdition(language)) {
            throw new NotFoundException("Edition", language + "/" + number);
        }
        return edition(language, number);
    }

    private int lastEdition(String language) {
        return guides.lastEditions(guideId).getOrDefault(language, 0);
    }

    private Guide change(Function<Guide, List<Object>> command) {
        return OptimisticRetry.run(() -> {
            Versioned<Guide> loaded = load();
            Guide guide = loaded.value();
            List<Object> events = command.apply(guide);
            if (!events.isEmpty()) {
                guides.save(loaded, events);
            }
            return guide;
        });
    }

    /** The stored guide, or a new empty one (version null: the first save inserts it). */
    private Versioned<Guide> load() {
        return guides.find(guideId).orElseGet(() -> new Versioned<>(Guide.start(guideId, sourceLanguage), null));
    }
}
