package org.civictaskforce.strategy.application;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.strategy.domain.guide.Edition;
import org.civictaskforce.strategy.domain.guide.Guide;
import org.civictaskforce.strategy.persistence.EditionDocument;
import org.civictaskforce.strategy.persistence.EditionRepository;
import org.civictaskforce.strategy.persistence.GuideDocument;
import org.civictaskforce.strategy.persistence.GuideRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Use cases on the information guide. There is one guide ({@code strategy.guide.id}), authored in
 * {@code strategy.guide.source-language}; it is created by its first section. State and events are
 * saved in one document write; editions are inserted once and never updated.
 */
@Service
public class GuideService {
    private final GuideRepository guides;
    private final EditionRepository editions;
    private final DomainEvents domainEvents;
    private final Clock clock;
    private final String guideId;
    private final String sourceLanguage;

    public GuideService(GuideRepository guides, EditionRepository editions, DomainEvents domainEvents, Clock clock,
            @Value("${strategy.guide.id:ifi-advocacy}") String guideId,
            @Value("${strategy.guide.source-language:ru}") String sourceLanguage) {
        this.guides = guides;
        this.editions = editions;
        this.domainEvents = domainEvents;
        this.clock = clock;
        this.guideId = guideId;
        this.sourceLanguage = sourceLanguage;
    }

    /** The guide as it stands (an empty guide before the first section is written). */
    public Guide guide() {
        return guides.findById(guideId).map(GuideDocument::toDomain).orElseGet(() -> Guide.start(guideId, sourceLanguage));
    }

    public Guide addSection(String key, String title, String body, String actorId) {
        return change(g -> g.addSection(key, title, body, clock.instant(), actorId));
    }

    public Guide changeSection(String key, String title, String body, String actorId) {
        return change(g -> g.changeSection(key, title, body, clock.instant(), actorId));
    }

    // TODO(identity): translators may edit only their own language; until sign-in exists the caller's
    // X-Actor-Id is recorded but not checked against a role.
    public Guide translate(String key, String language, String title, String body, int basedOnRevision,
            String actorId) {
        return change(g -> g.translate(key, language, title, body, basedOnRevision, clock.instant(), actorId));
    }

    public Guide submit(String key, String language, String actorId) {
        return change(g -> g.submit(key, language, clock.instant(), actorId));
    }

    public Guide approve(String key, String language, String actorId) {
        return change(g -> g.approve(key, language, clock.instant(), actorId));
    }

    public Guide returnToTranslator(String key, String language, String actorId) {
        return change(g -> g.returnToTranslator(key, language, clock.instant(), actorId));
    }

    /** Publishes the next edition in a language; the snapshot is inserted before the guide records its number. */
    public Edition publish(String language) {
        return OptimisticRetry.run(() -> {
            GuideDocument document = load();
            Guide guide = document.toDomain();
            Guide.Publication publication = guide.publish(language, clock.instant());
            EditionDocument edition = EditionDocument.of(publication.edition());
            editions.insert(edition); // a concurrent publication of the same number fails here (409)
            document.apply(guide);
            document.append(domainEvents.wrapAll(guideId, publication.events()));
            try {
                guides.save(document);
            } catch (OptimisticLockingFailureException e) {
                editions.deleteById(edition.id());
                throw e;
            }
            return publication.edition();
        });
    }

    public Edition edition(String language, int number) {
        return editions.findById(EditionDocument.idOf(guideId, language, number)).map(EditionDocument::toDomain)
                .orElseThrow(() -> new NotFoundException("Edition", language + "/" + number));
    }

    private Guide change(Function<Guide, List<Object>> command) {
        return OptimisticRetry.run(() -> {
            GuideDocument document = guides.findById(guideId).orElse(null);
            Guide guide = document == null ? Guide.start(guideId, sourceLanguage) : document.toDomain();
            List<Object> events = command.apply(guide);
            if (events.isEmpty()) {
                return guide;
            }
            if (document == null) {
                document = GuideDocument.newFor(guide);
                document.append(domainEvents.wrapAll(guideId, events));
                try {
                    guides.insert(document);
                } catch (DuplicateKeyException e) {
                    throw new OptimisticLockingFailureException("the guide was created concurrently", e);
                }
            } else {
                document.apply(guide);
                document.append(domainEvents.wrapAll(guideId, events));
                guides.save(document);
            }
            return guide;
        });
    }

    private GuideDocument load() {
        return guides.findById(guideId).orElseGet(() -> GuideDocument.newFor(Guide.start(guideId, sourceLanguage)));
    }
}
