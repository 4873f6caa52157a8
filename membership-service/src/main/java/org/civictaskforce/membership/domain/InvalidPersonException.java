package org.civictaskforce.membership.domain;

import org.civictaskforce.platform.problem.DomainRuleException;

/**
 * A person's details break a rule. The message names the field and the rule, never the value (it may
 * be personal data). The web layer checks the same rules first and answers 400; this is the last line.
 */
public class InvalidPersonException extends DomainRuleException {
    private final String field;

    public InvalidPersonException(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
