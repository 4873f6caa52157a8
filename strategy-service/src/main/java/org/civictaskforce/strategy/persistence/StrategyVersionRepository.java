package org.civictaskforce.strategy.persistence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface StrategyVersionRepository extends MongoRepository<StrategyVersionDocument, String> {
    Optional<StrategyVersionDocument> findFirstByStrategyIdOrderByNumberDesc(String strategyId);

    List<StrategyVersionDocument> findByStrategyIdOrderByNumberAsc(String strategyId);

    Optional<StrategyVersionDocument> findFirstByStrategyIdAndStatusOrderByNumberDesc(String strategyId, String status);
}
