package org.civictaskforce.membership.domain;

import org.civictaskforce.platform.problem.DomainRuleException;

/** A meeting's details break a rule (a 422 problem); the message names the field and the rule. */
public class InvalidMeetingException extends DomainRuleException {
    private final String field;

    public InvalidMeetingException(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
