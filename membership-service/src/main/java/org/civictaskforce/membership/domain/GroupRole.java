package org.civictaskforce.membership.domain;

/** What a person does in the Working Group; a person may hold several roles. */
public enum GroupRole {
    COORDINATOR, EXPERT, MEMBER, TRANSLATOR, OBSERVER
}
