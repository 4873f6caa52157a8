package org.civictaskforce.strategy.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.platform.security.Caller;
import org.civictaskforce.strategy.domain.consultation.Comment;
import org.civictaskforce.strategy.domain.consultation.ConsultationRound.SubjectKind;
import org.civictaskforce.strategy.domain.consultation.ConsultationRound;
import org.civictaskforce.strategy.domain.guide.Edition;
import org.civictaskforce.strategy.domain.guide.GuideRuleException;
import org.civictaskforce.strategy.domain.strategy.StrategyVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Consultation rounds on strategy versions and guide editions. Who may do what:
 * <ul>
 * <li>open, resolve: coordinators;</li>
 * <li>see a round: signed-in members (any role), and the round's invitees; anyone else gets 404;</li>
 * <li>comment: the round's invitees only (in person, or through an invited organisation);</li>
 * <li>change or withdraw a comment: its author only; reply: invitees and coordinators.</li>
 * </ul>
 * Each round is one document with its outbox. A new comment, a reply, an edit and a resolution are each one atomic
 * update of the document without the version check, re-checking in its filter only what the round decided on, so they
 * do not conflict with each other; every other change (withdrawal, closing, reminder, erasure) is an optimistic
 * (versioned) update, retried when anything changed the round meanwhile. The clock ({@link #closeOverdue()}) closes
 * overdue rounds that way too, so with several replicas exactly one closes a round.
 */
@Service
public class ConsultationService {
    private static final Logger log = LoggerFactory.getLogger(ConsultationService.class);

    private final ConsultationRoundStore rounds;
    private final StrategyVersionStore versions;
    private final GuideService guide;
    private final ParticipantReadModel participants;
    private final Clock clock;
    private final String strategyId;

    public ConsultationService(ConsultationRoundStore rounds, StrategyVersionStore versions, GuideService guide,
            ParticipantReadModel participants, Clock clock, @Value("${strategy.id:working-group}") String strategyId) {
        this.rounds = rounds;
        this.versions = versions;
        this.guide = guide;
        this.participants = participants;
        this.clock = clock;
        this.strategyId = strategyId;
    }

    /** What a coordinator asks for when opening a round; {@code subjectRef} is a version number or "lang/number". */
    public record Opening(SubjectKind subjectKind, String subjectRef, LocalDateTime deadline, String timeZone,
            List<String> invitedOrganisations, List<String> invitedPeople) {
    }

    public ConsultationRound open(Opening o, Caller caller) {
        caller.requireCoordinator();
        if (o.subjectKind() == null || o.subjectRef() == null) {
            throw new GuideRuleException(GuideRuleException.Kind.INVALID,
                    "a round is on a STRATEGY_VERSION (its number) or a GUIDE_EDITION (lang/number)");
        }
        Map<String, String> sections = switch (o.subjectKind()) {
            case STRATEGY_VERSION -> strategySections(o.subjectRef());
            case GUIDE_EDITION -> editionSections(o.subjectRef());
        };
        Set<String> everyone = everyoneInvited(o.invitedOrganisations(), o.invitedPeople());
        ConsultationRound.Opened opened = ConsultationRound.open("round-" + UUID.randomUUID(), o.subjectKind(),
                o.subjectRef(), sections, o.deadline(), o.timeZone(), o.invitedOrganisations(), o.invitedPeople(),
                everyone, clock.instant(), caller.subject());
        rounds.insert(opened.round(), opened.events());
        return opened.round();
    }

    /** The rounds this caller may see: all for members, their own invitations for anyone else. */
    public List<ConsultationRound> rounds(Caller caller) {
        List<ConsultationRound> all = rounds.newestFirst();
        if (isMember(caller)) {
            return all;
        }
        List<String> orgs = participants.facts(caller.subject()).organisationIds();
        return all.stream().filter(r -> r.invites(caller.subject(), orgs)).toList();
    }

    /** One round; 404 for a caller who may not see it (no difference from a round that does not exist). */
    public ConsultationRound round(String id, Caller caller) {
        ConsultationRound round = load(id).value();
        if (!isMember(caller) && !round.invites(caller.subject(), participants.facts(caller.subject()).organisationIds())) {
            throw new NotFoundException("Consultation round", id);
        }
        return round;
    }

    /**
     * Adds a comment and returns it. The round decides on a fresh load as for any change, but the comment is then
     * appended ({@link ConsultationRoundStore#appendComment}) instead of saving the round over its version: at a
     * deadline everyone comments at once, and comments do not touch each other, so they must not conflict. If the
     * round closed, filled up or stopped inviting the caller in between, the next attempt loads it again and the round
     * refuses as it would have (409 closed, 422 full, 403).
     */
    public Comment comment(String roundId, String sectionKey, String quote, String text, Caller caller) {
        ParticipantReadModel.Facts facts = participants.facts(caller.subject());
        return OptimisticRetry.run(() -> {
            Versioned<ConsultationRound> loaded = visible(roundId, caller);
            ConsultationRound round = loaded.value();
            caller.require(round.invites(caller.subject(), facts.organisationIds()),
                    "Only the people and organisations invited to this consultation may comment.");
            String commentId = "comment-" + UUID.randomUUID();
            List<Object> events = round.comment(commentId, new ConsultationRound.Author(caller.subject(),
                    facts.organisationIds(), facts.country()), sectionKey, quote, text, clock.instant());
            if (!rounds.appendComment(loaded, commentId, events)) {
                throw new OptimisticLockingFailureException("consultation round " + roundId
                        + " closed, filled up or stopped inviting the author since it was loaded");
            }
            return round.comment(commentId);
        });
    }

    /**
     * Changes a comment's text. Decided on a fresh load, then written as one atomic update of that comment
     * ({@link ConsultationRoundStore#editComment}), not a save over the round's version: comments, replies and
     * resolutions arriving meanwhile do not make it conflict; if the round closed or the comment was resolved, edited
     * or withdrawn in between, the next attempt loads it again and the round decides.
     */
    public ConsultationRound editComment(String roundId, String commentId, String text, Caller caller) {
        return OptimisticRetry.run(() -> {
            Versioned<ConsultationRound> loaded = visible(roundId, caller);
            ConsultationRound round = loaded.value();
            Comment before = round.comment(commentId);
            caller.require(caller.is(before.authorId()), "Only its author may change a comment.");
            List<Object> events = round.edit(commentId, text, clock.instant());
            return written(rounds.editComment(loaded, before, events), round, "edited, resolved or withdrawn");
        });
    }

    public ConsultationRound withdrawComment(String roundId, String commentId, Caller caller) {
        return change(roundId, caller, round -> {
            caller.require(caller.is(round.comment(commentId).authorId()), "Only its author may withdraw a comment.");
            return round.withdraw(commentId, clock.instant());
        });
    }

    /**
     * Adds a reply, decided on a fresh load and then appended to its comment ({@link ConsultationRoundStore#appendReply})
     * without the round's version check, as comments are: replies do not conflict with comments, replies, edits or
     * resolutions arriving meanwhile.
     */
    public ConsultationRound reply(String roundId, String commentId, String text, Caller caller) {
        List<String> orgs = participants.facts(caller.subject()).organisationIds();
        return OptimisticRetry.run(() -> {
            Versioned<ConsultationRound> loaded = visible(roundId, caller);
            ConsultationRound round = loaded.value();
            caller.require(caller.isCoordinator() || round.invites(caller.subject(), orgs),
                    "Only invitees and coordinators may reply.");
            String replyId = "reply-" + UUID.randomUUID();
            List<Object> events = round.reply(commentId, replyId, caller.subject(), text, clock.instant());
            return written(rounds.appendReply(loaded, commentId, replyId, caller.isCoordinator() ? null : orgs,
                    events), round, "closed, filled up, lost the comment or stopped inviting the author");
        });
    }

    /** Resolves a comment with one atomic update of it ({@link ConsultationRoundStore#resolveComment}). */
    public ConsultationRound resolve(String roundId, String commentId, Comment.Outcome outcome, String reason,
            Caller caller) {
        caller.requireCoordinator();
        return OptimisticRetry.run(() -> {
            Versioned<ConsultationRound> loaded = visible(roundId, caller);
            ConsultationRound round = loaded.value();
            List<Object> events = round.resolve(commentId, outcome, reason, caller.subject(), clock.instant());
            return written(rounds.resolveComment(loaded, commentId, events), round,
                    "resolved, withdrawn or anonymised the comment");
        });
    }

    /** The round as changed, if the store wrote it; else a conflict, retried on a fresh load. */
    private static ConsultationRound written(boolean written, ConsultationRound round, String meanwhile) {
        if (!written) {
            throw new OptimisticLockingFailureException("consultation round " + round.id() + " " + meanwhile
                    + " since it was loaded");
        }
        return round;
    }

    /** Whether a round on this subject has closed; a round past its deadline is closed now. */
    public boolean hasClosedRound(SubjectKind kind, String ref) {
        boolean closed = false;
        for (ConsultationRound r : rounds.onSubject(kind, ref)) {
            if (r.overdue(clock.instant())) {
                closeOne(r.id());
                closed = true;
            } else if (r.status() == ConsultationRound.Status.CLOSED) {
                closed = true;
            }
        }
        return closed;
    }

    /** Closes every open round whose deadline has passed; returns how many this call closed. */
    public int closeOverdue() {
        int closed = 0;
        for (String id : rounds.openDueBy(clock.instant())) {
            closed += closeOne(id) ? 1 : 0;
        }
        return closed;
    }

    /** Raises "closing soon" once for every open round whose deadline is within 24 hours. */
    public int remindClosingSoon() {
        Instant now = clock.instant();
        int raised = 0;
        for (String id : rounds.openNotRemindedDueBy(now.plus(ConsultationRound.CLOSING_SOON))) {
            boolean did = OptimisticRetry.run(() -> {
                Versioned<ConsultationRound> loaded = load(id);
                ConsultationRound round = loaded.value();
                return save(loaded, round.remindIfClosingSoon(clock.instant(),
                        everyoneInvited(round.invitedOrganisations(), round.invitedPeople())));
            });
            raised += did ? 1 : 0;
        }
        return raised;
    }

    /** Erasure: comments, replies and resolutions keep their text under one anonymous id. Idempotent. */
    public int personErased(String personId) {
        String anonymousId = "erased-" + UUID.randomUUID();
        int changed = 0;
        for (String id : rounds.naming(personId)) {
            boolean did = OptimisticRetry.run(() -> {
                Versioned<ConsultationRound> loaded = load(id);
                if (!loaded.value().anonymise(personId, anonymousId)) {
                    return false;
                }
                rounds.update(loaded, List.of());
                return true;
            });
            changed += did ? 1 : 0;
        }
        return changed;
    }

    private boolean closeOne(String id) {
        // a versioned save: when two replicas race, one save fails, retries, and finds the round closed
        return OptimisticRetry.run(() -> {
            Versioned<ConsultationRound> loaded = load(id);
            boolean closed = save(loaded, loaded.value().closeIfDue(clock.instant()));
            if (closed) {
                log.info("consultation round {} closed at its deadline", id);
            }
            return closed;
        });
    }

    private ConsultationRound change(String roundId, Caller caller, Function<ConsultationRound, List<Object>> command) {
        return OptimisticRetry.run(() -> {
            Versioned<ConsultationRound> loaded = visible(roundId, caller);
            ConsultationRound round = loaded.value();
            save(loaded, command.apply(round));
            return round;
        });
    }

    /** The round as stored; 404 for a caller who may not see it. */
    private Versioned<ConsultationRound> visible(String roundId, Caller caller) {
        Versioned<ConsultationRound> loaded = load(roundId);
        if (!isMember(caller) && !loaded.value().invites(caller.subject(),
                participants.facts(caller.subject()).organisationIds())) {
            throw new NotFoundException("Consultation round", roundId);
        }
        return loaded;
    }

    private boolean save(Versioned<ConsultationRound> loaded, List<Object> events) {
        if (events.isEmpty()) {
            return false;
        }
        rounds.update(loaded, events);
        return true;
    }

    private Versioned<ConsultationRound> load(String id) {
        return rounds.find(id).orElseThrow(() -> new NotFoundException("Consultation round", id));
    }

    private Set<String> everyoneInvited(List<String> organisations, List<String> people) {
        Set<String> everyone = new TreeSet<>(people == null ? List.of() : people);
        everyone.addAll(participants.peopleOf(organisations == null ? List.of() : organisations));
        return everyone;
    }

    private Map<String, String> strategySections(String ref) {
        int number;
        try {
            number = Integer.parseInt(ref);
        } catch (NumberFormatException e) {
            throw new GuideRuleException(GuideRuleException.Kind.INVALID, "a strategy version is named by its number");
        }
        StrategyVersion version = versions.find(strategyId, number).map(Versioned::value)
                .orElseThrow(() -> new NotFoundException("Strategy version", ref));
        if (version.status() == StrategyVersion.Status.ADOPTED) {
            throw new GuideRuleException(GuideRuleException.Kind.CONFLICT, "version " + number
                    + " is adopted already; consult on a new draft");
        }
        return version.content().sectionTexts();
    }

    private Map<String, String> editionSections(String ref) {
        String[] parts = ref.split("/");
        if (parts.length != 2 || !parts[1].matches("[1-9][0-9]{0,5}")) {
            throw new GuideRuleException(GuideRuleException.Kind.INVALID, "a guide edition is named lang/number");
        }
        Edition edition = guide.edition(parts[0], Integer.parseInt(parts[1]));
        Map<String, String> texts = new LinkedHashMap<>();
        edition.sections().forEach(s -> texts.put(s.key(), s.title() + "\n\n" + s.body()));
        return texts;
    }

    /** A signed-in member of the working group: anyone holding a role. */
    public static boolean isMember(Caller caller) {
        return caller.authenticated() && !caller.roles().isEmpty();
    }
}
