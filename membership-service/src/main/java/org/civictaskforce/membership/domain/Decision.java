package org.civictaskforce.membership.domain;

import java.time.Instant;
import java.util.List;

/** A decision recorded in a meeting: institution ids for TARGET_INSTITUTIONS, text for GENERAL. */
public record Decision(String id, DecisionKind kind, List<String> institutionIds, String text, Instant decidedAt) {
}
