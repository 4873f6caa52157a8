package org.civictaskforce.strategy.application;

import java.util.List;
import java.util.Optional;

import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.strategy.domain.strategy.StrategyVersion;

/** The strategy's versions, one document each with its outbox. */
public interface StrategyVersionStore {
    /** @throws org.springframework.dao.DuplicateKeyException if that version number was started concurrently */
    void insert(StrategyVersion version, List<?> events);

    Optional<Versioned<StrategyVersion>> find(String strategyId, int number);

    /** @throws org.springframework.dao.OptimisticLockingFailureException if the stored version changed since */
    void update(Versioned<StrategyVersion> changed, List<?> events);

    /** Every version of the strategy, oldest first. */
    List<StrategyVersion> all(String strategyId);

    Optional<StrategyVersion> latest(String strategyId);

    /** The versions that hold the person's id (as author of a change, adopter or action owner). */
    List<StrategyVersion> naming(String personId);
}
