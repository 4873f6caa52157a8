package org.civictaskforce.research.domain;

/** The three research strands of the plan. */
public enum Strand {
    STANDARDS_AND_RULES, LEGAL_AND_POLITICAL_RELATIONS, ADVOCACY_TOOLS_AND_PRACTICES
}
