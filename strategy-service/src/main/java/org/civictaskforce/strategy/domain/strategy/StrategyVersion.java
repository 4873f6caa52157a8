package org.civictaskforce.strategy.domain.strategy;

import static org.civictaskforce.strategy.domain.guide.GuideRuleException.Kind.CONFLICT;
import static org.civictaskforce.strategy.domain.guide.GuideRuleException.Kind.INVALID;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.civictaskforce.contracts.strategy.StrategyDraftChanged;
import org.civictaskforce.contracts.strategy.StrategyDraftStarted;
import org.civictaskforce.contracts.strategy.StrategyVersionAdopted;
import org.civictaskforce.strategy.domain.guide.GuideRuleException;

/**
 * One version of the strategy. A draft is edited by coordinators; it is adopted once a consultation
 * round on it has closed, and an adopted version never changes again (a new draft starts from it).
 */
public class StrategyVersion {
    public enum Status { DRAFT, ADOPTED }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final int MAX_TEXT = 20_000;

    private final String strategyId;
    private final int number;
    private final Integer basedOn;
    private Status status;
    private StrategyContent content;
    private Instant changedAt;
    private String changedBy;
    private Instant adoptedAt;
    private String adoptedBy;

    private StrategyVersion(String strategyId, int number, Integer basedOn, Status status, StrategyContent content,
            Instant changedAt, String changedBy, Instant adoptedAt, String adoptedBy) {
        this.strategyId = strategyId;
        this.number = number;
        this.basedOn = basedOn;
        this.status = status;
        this.content = content;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.adoptedAt = adoptedAt;
        this.adoptedBy = adoptedBy;
    }

    public static StrategyVersion restore(String strategyId, int number, Integer basedOn, Status status,
            StrategyContent content, Instant changedAt, String changedBy, Instant adoptedAt, String adoptedBy) {
        return new StrategyVersion(strategyId, number, basedOn, status, content, changedAt, changedBy, adoptedAt,
                adoptedBy);
    }

    public record Started(StrategyVersion version, List<Object> events) {
    }

    /**
     * Starts the next draft: version 1 from nothing (with the target institutions the group decided),
     * or the next number from the latest version, which must be adopted.
     */
    public static Started startDraft(String strategyId, StrategyVersion latest, List<String> decidedTargets,
            Instant now, String actor) {
        if (latest != null && latest.status != Status.ADOPTED) {
            throw new GuideRuleException(CONFLICT, "version " + latest.number
                    + " is still a draft: edit it, or adopt it before starting the next");
        }
        int number = latest == null ? 1 : latest.number + 1;
        StrategyContent content = latest == null ? StrategyContent.empty().withTargetInstitutions(decidedTargets)
                : latest.content;
        StrategyVersion draft = new StrategyVersion(strategyId, number, latest == null ? null : latest.number,
                Status.DRAFT, content, now, actor, null, null);
        return new Started(draft, List.of(new StrategyDraftStarted(strategyId, number, draft.basedOn)));
    }

    /** Replaces the draft's sections; evidence must name accepted findings, actions an owner and a due date. */
    public List<Object> edit(StrategyContent next, Set<String> acceptedFindings, Instant now, String actor) {
        requireDraft("change");
        validate(next, acceptedFindings);
        List<String> changed = next.changedSince(content);
        if (changed.isEmpty()) {
            return List.of();
        }
        content = next;
        changedAt = now;
        changedBy = actor;
        return List.of(new StrategyDraftChanged(strategyId, number, changed));
    }

    /** Adopts the version; {@code closedRound} tells whether a consultation round on it has closed. */
    public List<Object> adopt(boolean closedRound, Instant now, String actor) {
        requireDraft("adopt");
        if (!closedRound) {
            throw new GuideRuleException(CONFLICT, "version " + number
                    + " can be adopted only after a consultation round on it has closed");
        }
        status = Status.ADOPTED;
        adoptedAt = now;
        adoptedBy = actor;
        return List.of(new StrategyVersionAdopted(strategyId, number, now));
    }

    /** Erasure: the person's id goes from the version (owner of actions, author of changes, adopter). */
    public boolean anonymise(String personId, String anonymousId) {
        boolean changed = false;
        if (personId.equals(changedBy)) {
            changedBy = anonymousId;
            changed = true;
        }
        if (personId.equals(adoptedBy)) {
            adoptedBy = anonymousId;
            changed = true;
        }
        if (content.actions().stream().anyMatch(a -> personId.equals(a.ownerId()))) {
            content = new StrategyContent(content.context(), content.goals(), content.targetInstitutions(),
                    content.objectives(), content.actions().stream()
                            .map(a -> personId.equals(a.ownerId())
                                    ? new StrategyContent.Action(a.text(), anonymousId, a.due(), a.status()) : a)
                            .toList(),
                    content.indicators(), content.risks(), content.evidence());
            changed = true;
        }
        return changed;
    }

    private void requireDraft(String what) {
        if (status == Status.ADOPTED) {
            throw new GuideRuleException(CONFLICT, "version " + number + " is adopted and immutable; cannot " + what
                    + " it (start a new draft from it instead)");
        }
    }

    private static void validate(StrategyContent c, Set<String> acceptedFindings) {
        text(c.context(), "context", true);
        c.goals().forEach(g -> text(g, "a goal", false));
        c.objectives().forEach(o -> text(o, "an objective", false));
        c.indicators().forEach(i -> text(i, "an indicator", false));
        for (String institution : c.targetInstitutions()) {
            id(institution, "a target institution");
        }
        for (StrategyContent.Action a : c.actions()) {
            if (a == null) {
                throw new GuideRuleException(INVALID, "an action is an object");
            }
            text(a.text(), "an action", false);
            id(a.ownerId(), "an action's owner (a person id)");
            if (a.due() == null || a.status() == null) {
                throw new GuideRuleException(INVALID, "every action needs a due date and a status");
            }
        }
        for (StrategyContent.Risk r : c.risks()) {
            if (r == null) {
                throw new GuideRuleException(INVALID, "a risk is an object");
            }
            text(r.description(), "a risk", false);
            text(r.mitigation(), "a risk's mitigation", false);
        }
        for (String finding : c.evidence()) {
            id(finding, "evidence (an accepted finding id)");
            if (!acceptedFindings.contains(finding)) {
                throw new GuideRuleException(INVALID, "finding " + finding
                        + " is not an accepted research finding; only accepted findings can be linked as evidence");
            }
        }
    }

    private static void text(String value, String what, boolean blankAllowed) {
        if (value == null || (!blankAllowed && value.isBlank())) {
            throw new GuideRuleException(INVALID, what + " needs text");
        }
        if (value.length() > MAX_TEXT) {
            throw new GuideRuleException(INVALID, what + " is longer than " + MAX_TEXT + " characters");
        }
    }

    private static void id(String value, String what) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new GuideRuleException(INVALID, what + " must be an id (letters, digits, . _ : -)");
        }
    }

    public String strategyId() { return strategyId; }
    public int number() { return number; }
    public Integer basedOn() { return basedOn; }
    public Status status() { return status; }
    public StrategyContent content() { return content; }
    public Instant changedAt() { return changedAt; }
    public String changedBy() { return changedBy; }
    public Instant adoptedAt() { return adoptedAt; }
    public String adoptedBy() { return adoptedBy; }
}
