package org.civictaskforce.platform.problem;

/** Well-formed input that breaks a domain rule: a 422 problem. */
public class DomainRuleException extends RuntimeException {
    public DomainRuleException(String message) {
        super(message);
    }
}
