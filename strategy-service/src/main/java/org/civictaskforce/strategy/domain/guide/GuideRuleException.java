package org.civictaskforce.strategy.domain.guide;

/** A command the guide's rules refuse; {@link Kind} tells the web layer which answer fits. */
public class GuideRuleException extends RuntimeException {
    public enum Kind { NOT_FOUND, CONFLICT, INVALID }

    private final Kind kind;

    public GuideRuleException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
