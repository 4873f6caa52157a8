package org.civictaskforce.identity.enrolment;

import org.civictaskforce.platform.problem.DomainRuleException;

/** The enrolment link cannot be used (unknown, used, expired) or the chosen username/password is refused: 422. */
public class EnrolmentRefusedException extends DomainRuleException {
    /** What was refused, so a page can say it in the person's language (the message stays English for the API). */
    public enum Reason {
        LINK_UNKNOWN, LINK_USED, LINK_EXPIRED, USERNAME, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORDS_DIFFER
    }

    private final Reason reason;

    public EnrolmentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
