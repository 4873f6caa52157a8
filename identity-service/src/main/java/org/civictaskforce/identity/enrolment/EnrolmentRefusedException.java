package org.civictaskforce.identity.enrolment;

import org.civictaskforce.platform.problem.DomainRuleException;

/** The enrolment link cannot be used (unknown, used, expired) or the chosen username/password is refused: 422. */
public class EnrolmentRefusedException extends DomainRuleException {
    public EnrolmentRefusedException(String message) {
        super(message);
    }
}
