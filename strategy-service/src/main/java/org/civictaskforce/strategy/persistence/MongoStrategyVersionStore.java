package org.civictaskforce.strategy.persistence;

import java.util.List;
import java.util.Optional;

import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.strategy.application.StrategyVersionStore;
import org.civictaskforce.strategy.domain.strategy.StrategyVersion;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
public class MongoStrategyVersionStore implements StrategyVersionStore {
    private final StrategyVersionRepository versions;
    private final MongoTemplate mongo;
    private final DomainEvents domainEvents;

    public MongoStrategyVersionStore(StrategyVersionRepository versions, MongoTemplate mongo,
            DomainEvents domainEvents) {
        this.versions = versions;
        this.mongo = mongo;
        this.domainEvents = domainEvents;
    }

    @Override
    public void insert(StrategyVersion version, List<?> events) {
        StrategyVersionDocument document = StrategyVersionDocument.newFor(version);
        document.append(domainEvents.wrapAll(version.strategyId(), events));
        versions.insert(document);
    }

    @Override
    public Optional<Versioned<StrategyVersion>> find(String strategyId, int number) {
        return versions.findById(StrategyVersionDocument.idOf(strategyId, number))
                .map(d -> new Versioned<>(d.toDomain(), d.getVersion()));
    }

    @Override
    public void update(Versioned<StrategyVersion> changed, List<?> events) {
        StrategyVersion version = changed.value();
        StrategyVersionDocument document = OutboxDocument.atVersion(mongo, StrategyVersionDocument.class,
                StrategyVersionDocument.idOf(version.strategyId(), version.number()), changed.version());
        document.apply(version);
        document.append(domainEvents.wrapAll(version.strategyId(), events));
        versions.save(document);
    }

    @Override
    public List<StrategyVersion> all(String strategyId) {
        return versions.findByStrategyIdOrderByNumberAsc(strategyId).stream().map(StrategyVersionDocument::toDomain)
                .toList();
    }

    @Override
    public Optional<StrategyVersion> latest(String strategyId) {
        return versions.findFirstByStrategyIdOrderByNumberDesc(strategyId).map(StrategyVersionDocument::toDomain);
    }

    @Override
    public List<StrategyVersion> naming(String personId) {
        Query holding = Query.query(new Criteria().orOperator(Criteria.where("changedBy").is(personId),
                Criteria.where("adoptedBy").is(personId), Criteria.where("content.actions.ownerId").is(personId)));
        return mongo.find(holding, StrategyVersionDocument.class).stream().map(StrategyVersionDocument::toDomain)
                .toList();
    }
}
