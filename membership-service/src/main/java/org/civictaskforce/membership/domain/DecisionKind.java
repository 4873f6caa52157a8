package org.civictaskforce.membership.domain;

/** TARGET_INSTITUTIONS carries institution ids (research-service follows it); GENERAL carries text. */
public enum DecisionKind {
    TARGET_INSTITUTIONS, GENERAL
}
