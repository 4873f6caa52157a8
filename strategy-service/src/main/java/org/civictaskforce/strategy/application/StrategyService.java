package org.civictaskforce.strategy.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.platform.problem.ConflictException;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.platform.security.Caller;
import org.civictaskforce.strategy.domain.strategy.StrategyContent;
import org.civictaskforce.strategy.domain.strategy.StrategyVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Use cases on the strategy's versions: drafts are started and edited by coordinators, and adopted
 * after a consultation round on them has closed. Each version is one document with its outbox.
 */
@Service
public class StrategyService {
    private final StrategyVersionStore versions;
    private final ConsultationService consultations;
    private final StrategyInputs inputs;
    private final Clock clock;
    private final String strategyId;

    public StrategyService(StrategyVersionStore versions, ConsultationService consultations,
            StrategyInputs inputs, Clock clock, @Value("${strategy.id:working-group}") String strategyId) {
        this.versions = versions;
        this.consultations = consultations;
        this.inputs = inputs;
        this.clock = clock;
        this.strategyId = strategyId;
    }

    public List<StrategyVersion> versions() {
        return versions.all(strategyId);
    }

    public StrategyVersion version(int number) {
        return load(number).value();
    }

    /** Starts the next draft (version 1, or a copy of the latest adopted version). */
    public StrategyVersion startDraft(Caller caller) {
        caller.requireCoordinator();
        StrategyVersion latest = versions.latest(strategyId).orElse(null);
        StrategyVersion.Started started = StrategyVersion.startDraft(strategyId, latest, inputs.decidedTargets(),
                clock.instant(), caller.subject());
        try {
            versions.insert(started.version(), started.events());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("version " + started.version().number() + " was started concurrently");
        }
        return started.version();
    }

    public StrategyVersion edit(int number, StrategyContent content, Caller caller) {
        caller.requireCoordinator();
        return OptimisticRetry.run(() -> {
            Versioned<StrategyVersion> loaded = load(number);
            StrategyVersion version = loaded.value();
            save(loaded, version.edit(content, inputs.acceptedFindings(), clock.instant(), caller.subject()));
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
            Versioned<StrategyVersion> loaded = load(number);
            StrategyVersion version = loaded.value();
            save(loaded, version.adopt(closedRound, clock.instant(), caller.subject()));
            return version;
        });
    }

    /** Erasure: the person's id is replaced in every version that holds it. Idempotent. */
    public int personErased(String personId) {
        String anonymousId = "erased-" + UUID.randomUUID();
        int changed = 0;
        for (StrategyVersion found : versions.naming(personId)) {
            boolean did = OptimisticRetry.run(() -> {
                Versioned<StrategyVersion> loaded = versions.find(found.strategyId(), found.number()).orElseThrow();
                if (!loaded.value().anonymise(personId, anonymousId)) {
                    return false;
                }
                versions.update(loaded, List.of());
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

    private Versioned<StrategyVersion> load(int number) {
        return versions.find(strategyId, number)
                .orElseThrow(() -> new NotFoundException("Strategy version", String.valueOf(number)));
    }

    private void save(Versioned<StrategyVersion> loaded, List<Object> events) {
        if (!events.isEmpty()) {
            versions.update(loaded, events);
        }
    }
}
