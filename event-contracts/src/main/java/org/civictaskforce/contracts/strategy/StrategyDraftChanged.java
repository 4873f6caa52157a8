package org.civictaskforce.contracts.strategy;

import java.util.List;

import org.civictaskforce.contracts.EventType;

/** A coordinator changed a draft version of the strategy; {@code sections} names the sections that changed (no text). */
@EventType("org.civictaskforce.strategy.strategy.draft-changed")
public record StrategyDraftChanged(String strategyId, int version, List<String> sections) {
}
