package org.civictaskforce.contracts.strategy;

import org.civictaskforce.contracts.EventType;

/** A new draft version of the strategy was started (from the last adopted version, if any). */
@EventType("org.civictaskforce.strategy.strategy.draft-started")
public record StrategyDraftStarted(String strategyId, int version, Integer basedOnVersion) {
}
