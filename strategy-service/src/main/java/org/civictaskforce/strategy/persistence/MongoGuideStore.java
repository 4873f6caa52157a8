package org.civictaskforce.strategy.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.strategy.application.GuideStore;
import org.civictaskforce.strategy.domain.guide.Guide;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class MongoGuideStore implements GuideStore {
    private final GuideRepository guides;
    private final MongoTemplate mongo;
    private final DomainEvents domainEvents;

    public MongoGuideStore(GuideRepository guides, MongoTemplate mongo, DomainEvents domainEvents) {
        this.guides = guides;
        this.mongo = mongo;
        this.domainEvents = domainEvents;
    }

    @Override
    public Optional<Versioned<Guide>> find(String guideId) {
        return guides.findById(guideId).map(d -> new Versioned<>(d.toDomain(), d.getVersion()));
    }

    @Override
    public void save(Versioned<Guide> changed, List<?> events) {
        Guide guide = changed.value();
        if (changed.version() == null) {
            GuideDocument document = GuideDocument.newFor(guide);
            document.append(domainEvents.wrapAll(guide.id(), events));
            try {
                guides.insert(document);
            } catch (DuplicateKeyException e) {
                throw new OptimisticLockingFailureException("the guide was created concurrently", e);
            }
            return;
        }
        GuideDocument document = OutboxDocument.atVersion(mongo, GuideDocument.class, guide.id(), changed.version());
        document.apply(guide);
        document.append(domainEvents.wrapAll(guide.id(), events));
        guides.save(document);
    }

    @Override
    public Map<String, Integer> lastEditions(String guideId) {
        return guides.findLastEditions(guideId).map(GuideRepository.LastEditions::lastEditions)
                .filter(last -> last != null).orElse(Map.of());
    }
}
