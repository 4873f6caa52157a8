package org.civictaskforce.contracts.strategy;

import java.time.Instant;

import org.civictaskforce.contracts.EventType;

/** A version of the strategy was adopted after its consultation closed; it is immutable from now on. */
@EventType("org.civictaskforce.strategy.strategy.version-adopted")
public record StrategyVersionAdopted(String strategyId, int version, Instant adoptedAt) {
}
