package org.civictaskforce.strategy.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.platform.security.Caller;
import org.civictaskforce.strategy.domain.strategy.StrategyContent;
import org.civictaskforce.strategy.domain.strategy.StrategyVersion;
import org.civictaskforce.strategy.persistence.StrategyVersionDocument;
import org.civictaskforce.strategy.persistence.StrategyVersionRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import org.civictaskforce.platform.problem.ConflictException;

/**
 * Use cases on the strategy's versions: drafts are started and edited by coordinators, and adopted
 * after a consultation round on them has closed. Each version is one document with its outbox.
 */
@Service
public class StrategyService {
    private final StrategyVersionRepository versions;
    private final ConsultationService consultations;
    private final StrategyInputs inputs;
    private final DomainEvents domainEvents;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final String strategyId;

    public StrategyService(StrategyVersionRepository versions, ConsultationService consultations,
            StrategyInputs inputs, DomainEvents domainEvents, MongoTemplate mongo, Clock clock,
            @Value("${strategy.id:working-group}") String strategyId) {
        this.versions = versions;
        this.consultations = consultations;
        this.inputs = inputs;
        this.domainEvents = domainEvents;
        this.mongo = mongo;
        this.clock = clock;
        this.strategyId = strategyId;
    }

    public List<StrategyVersion> versions() {
        return versions.findByStrategyIdOrderByNumberAsc(strategyId).stream().map(StrategyVersionDocument::toDomain)
                .toList();
    }

    public StrategyVersion version(int number) {
        return versions.findById(StrategyVersionDocument.idOf(strategyId, number))
                .map(StrategyVersionDocument::toDomain)
                .orElseThrow(() -> new NotFoundException("Strategy version", String.valueOf(number)));
    }

    /** Starts the next draft (version 1, or a copy of the latest adopted version). */
    public StrategyVersion startDraft(Caller caller) {
        caller.requireCoordinator();
        StrategyVersion latest = versions.findFirstByStrategyIdOrderByNumberDesc(strategyId)
                .map(StrategyVersionDocument::toDomain).orElse(null);
        StrategyVersion.Started started = StrategyVersion.startDraft(strategyId, latest, inputs.decidedTargets(),
                clock.instant(), caller.subject());
        StrategyVersionDocument document = StrategyVersionDocument.newFor(started.version());
        document.append(domainEvents.wrapAll(strategyId, started.events()));
        try {
            versions.insert(document);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("version " + started.version().number() + " was started concurrently");
        }
        return started.version();
    }

    public StrategyVersion edit(int number, StrategyContent content, Caller caller) {
        caller.requireCoordinator();
        return OptimisticRetry.run(() -> {
            StrategyVersionDocument document = load(number);
            StrategyVersion version = document.toDomain();
            List<Object> events = version.edit(content, inputs.acceptedFindings(), clock.instant(), caller.subject());
            save(document, version, events);
            return version;
        });
    }

    /** Adopts a version once a consultation round on it has closed (an overdue round is closed first). */
    public StrategyVersion adopt(int number, Caller caller) {
        caller.requireCoordinator();
        boolean closedRound = consultations.hasClosedRound(
                org.civictaskforce.strategy.domain.consultation.ConsultationRound.SubjectKind.STRATEGY_VERSION,
                String.valueOf(number));
        return OptimisticRetry.run(() -> {
            StrategyVersionDocument document = load(number);
            StrategyVersion version = document.toDomain();
            List<Object> events = version.adopt(closedRound, clock.instant(), caller.subject());
            save(document, version, events);
            return version;
        });
    }

    /** Erasure: the person's id is replaced in every version that holds it. Idempotent. */
    public int personErased(String personId) {
        String anonymousId = "erased-" + UUID.randomUUID();
        Query holding = Query.query(new Criteria().orOperator(Criteria.where("changedBy").is(personId),
                Criteria.where("adoptedBy").is(personId), Criteria.where("content.actions.ownerId").is(personId)));
        int changed = 0;
        for (StrategyVersionDocument found : mongo.find(holding, StrategyVersionDocument.class)) {
            boolean did = OptimisticRetry.run(() -> {
                StrategyVersionDocument document = versions.findById(found.getId()).orElseThrow();
                StrategyVersion version = document.toDomain();
                if (!version.anonymise(personId, anonymousId)) {
                    return false;
                }
                document.apply(version);
                versions.save(document);
                return true;
            });
            changed += did ? 1 : 0;
        }
        return changed;
    }

    /** The consulted text of a version, per section. */
    public java.util.Map<String, String> sectionTexts(int number) {
        return version(number).content().sectionTexts();
    }

    public List<StrategyInputs.AcceptedFinding> acceptedFindings() {
        return inputs.acceptedFindingList();
    }

    public List<String> decidedTargets() {
        return inputs.decidedTargets();
    }

    private StrategyVersionDocument load(int number) {
        return versions.findById(StrategyVersionDocument.idOf(strategyId, number))
                .orElseThrow(() -> new NotFoundException("Strategy version", String.valueOf(number)));
    }

    private void save(StrategyVersionDocument document, StrategyVersion version, List<Object> events) {
        if (events.isEmpty()) {
            return;
        }
        document.apply(version);
        document.append(domainEvents.wrapAll(strategyId, events));
        versions.save(document);
    }
}
