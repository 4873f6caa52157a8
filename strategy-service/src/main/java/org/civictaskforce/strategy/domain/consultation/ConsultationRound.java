package org.civictaskforce.strategy.domain.consultation;

import static org.civictaskforce.strategy.domain.guide.GuideRuleException.Kind.CONFLICT;
import static org.civictaskforce.strategy.domain.guide.GuideRuleException.Kind.INVALID;
import static org.civictaskforce.strategy.domain.guide.GuideRuleException.Kind.NOT_FOUND;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.civictaskforce.contracts.strategy.ConsultationClosed;
import org.civictaskforce.contracts.strategy.ConsultationClosingSoon;
import org.civictaskforce.contracts.strategy.ConsultationCommentAdded;
import org.civictaskforce.contracts.strategy.ConsultationCommentEdited;
import org.civictaskforce.contracts.strategy.ConsultationCommentReplied;
import org.civictaskforce.contracts.strategy.ConsultationCommentResolved;
import org.civictaskforce.contracts.strategy.ConsultationCommentWithdrawn;
import org.civictaskforce.contracts.strategy.ConsultationOpened;
import org.civictaskforce.strategy.domain.guide.GuideRuleException;

/**
 * A consultation round on a strategy version or a guide edition: invitees comment on its sections
 * until the deadline (a local time in a stated IANA zone, kept as an instant), coordinators reply
 * and resolve. The round closes by itself at the deadline; a comment after it is refused even
 * before the closing has been recorded.
 */
public class ConsultationRound {
    public enum Status { OPEN, CLOSED }

    public enum SubjectKind { STRATEGY_VERSION, GUIDE_EDITION }

    /** How long before the deadline the one "closing soon" reminder is raised. */
    public static final Duration CLOSING_SOON = Duration.ofHours(24);
    public static final int MAX_TEXT = 10_000;
    /** A quoted passage: a few sentences of the consulted text. */
    public static final int MAX_QUOTE = 1_000;
    /** A reply, or the reason a comment is declined. */
    public static final int MAX_REPLY = 4_000;
    public static final int MAX_REASON = 1_000;

    /*
     * A round is one document, and MongoDB refuses a document over 16 MiB (16.8 MB). Members' input must
     * never get it there, so a round has a budget (at most 3 bytes a character in UTF-8):
     *   consulted text          ≤ 1 000 000 characters  ≤ 3.0 MB
     *   comments, quotes, replies ≤ 2 500 000 characters ≤ 7.5 MB
     *   reasons                 ≤ 1 000 comments × 1 000 ≤ 3.0 MB
     *   ids and times           ≤ 1 000 comments and 5 000 replies (≈ 400 and 150 bytes each) ≤ 1.2 MB
     *   invitations             ≤ 1 000 people and 500 organisations ≤ 0.1 MB
     * ≈ 14.8 MB at the very worst; in Cyrillic (2 bytes a character) under 10 MB. That is 250 comments of the
     * longest kind, or a thousand ordinary ones with their replies: more than a round of the plan's 20–30
     * organisations writes. Past the budget the round answers 422 "full", and nothing already there is lost.
     * Comments are appended without the round's version check, so the store's append re-checks the number of comments
     * and their characters in its own filter: comments decided on the same copy cannot together pass the budget.
     */
    public static final int MAX_CONSULTED_CHARACTERS = 1_000_000;
    public static final int MAX_COMMENT_CHARACTERS = 2_500_000;
    public static final int MAX_COMMENTS = 1_000;
    public static final int MAX_REPLIES = 5_000;
    public static final int MAX_REPLIES_PER_COMMENT = 100;
    public static final int MAX_INVITED_PEOPLE = 1_000;
    public static final int MAX_INVITED_ORGANISATIONS = 500;

    private final String id;
    private final SubjectKind subjectKind;
    private final String subjectRef;
    private final Map<String, String> sections;
    private final Instant deadline;
    private final String timeZone;
    private final List<String> invitedOrganisations;
    private final List<String> invitedPeople;
    private final Instant openedAt;
    private String openedBy;
    private Status status;
    private Instant closedAt;
    private Instant closingSoonRaisedAt;
    private final List<Comment> comments;

    private ConsultationRound(String id, SubjectKind subjectKind, String subjectRef, Map<String, String> sections,
            Instant deadline, String timeZone, List<String> invitedOrganisations, List<String> invitedPeople,
            Instant openedAt, String openedBy, Status status, Instant closedAt, Instant closingSoonRaisedAt,
            List<Comment> comments) {
        this.id = id;
        this.subjectKind = subjectKind;
        this.subjectRef = subjectRef;
        this.sections = new LinkedHashMap<>(sections);
        this.deadline = deadline;
        this.timeZone = timeZone;
        this.invitedOrganisations = new ArrayList<>(invitedOrganisations);
        this.invitedPeople = new ArrayList<>(invitedPeople);
        this.openedAt = openedAt;
        this.openedBy = openedBy;
        this.status = status;
        this.closedAt = closedAt;
        this.closingSoonRaisedAt = closingSoonRaisedAt;
        this.comments = new ArrayList<>(comments);
    }

    public static ConsultationRound restore(String id, SubjectKind subjectKind, String subjectRef,
            Map<String, String> sections, Instant deadline, String timeZone, List<String> invitedOrganisations,
            List<String> invitedPeople, Instant openedAt, String openedBy, Status status, Instant closedAt,
            Instant closingSoonRaisedAt, List<Comment> comments) {
        return new ConsultationRound(id, subjectKind, subjectRef, sections, deadline, timeZone,
                orEmpty(invitedOrganisations), orEmpty(invitedPeople), openedAt, openedBy, status, closedAt,
                closingSoonRaisedAt, orEmpty(comments));
    }

    public record Opened(ConsultationRound round, List<Object> events) {
    }

    /**
     * Opens a round. {@code sections} is the consulted text per section key; {@code everyoneInvited}
     * is the invited people plus the people of the invited organisations (who are told it opened).
     */
    public static Opened open(String id, SubjectKind kind, String subjectRef, Map<String, String> sections,
            LocalDateTime deadlineLocal, String timeZone, List<String> organisations, List<String> people,
            Set<String> everyoneInvited, Instant now, String actor) {
        if (deadlineLocal == null || timeZone == null) {
            throw new GuideRuleException(INVALID, "a deadline needs a local time and an IANA time zone");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new GuideRuleException(INVALID, "unknown time zone " + timeZone
                    + " (use an IANA zone such as Asia/Almaty)");
        }
        Instant deadline = deadlineLocal.atZone(zone).toInstant();
        if (!deadline.isAfter(now)) {
            throw new GuideRuleException(INVALID, "the deadline " + deadlineLocal + " " + timeZone + " is not in the future");
        }
        List<String> orgs = distinctIds(organisations, "an invited organisation");
        List<String> invitees = distinctIds(people, "an invited person");
        if (orgs.isEmpty() && invitees.isEmpty()) {
            throw new GuideRuleException(INVALID, "invite at least one organisation or person");
        }
        if (sections.isEmpty()) {
            throw new GuideRuleException(INVALID, "there is nothing to consult on: the text has no sections");
        }
        if (invitees.size() > MAX_INVITED_PEOPLE || orgs.size() > MAX_INVITED_ORGANISATIONS) {
            throw new GuideRuleException(INVALID, "a round invites at most " + MAX_INVITED_PEOPLE + " people and "
                    + MAX_INVITED_ORGANISATIONS + " organisations");
        }
        long consulted = sections.entrySet().stream().mapToLong(e -> e.getKey().length()
                + (e.getValue() == null ? 0 : e.getValue().length())).sum();
        if (consulted > MAX_CONSULTED_CHARACTERS) {
            throw new GuideRuleException(INVALID, "the consulted text is longer than " + MAX_CONSULTED_CHARACTERS
                    + " characters: consult on fewer sections at a time");
        }
        ConsultationRound round = new ConsultationRound(id, kind, subjectRef, sections, deadline, zone.getId(), orgs,
                invitees, now, actor, Status.OPEN, null, null, List.of());
        return new Opened(round, List.of(new ConsultationOpened(id, kind.name(), subjectRef, deadline, zone.getId(),
                List.copyOf(new TreeSet<>(everyoneInvited)), orgs)));
    }

    // --- comments ----------------------------------------------------------------------------

    /** What the service knows about the commenter when they comment. */
    public record Author(String personId, List<String> organisationIds, String country) {
    }

    /** Whether this person may comment: invited in person, or through one of their organisations. */
    public boolean invites(String personId, List<String> organisationIds) {
        return personId != null && (invitedPeople.contains(personId)
                || organisationIds.stream().anyMatch(invitedOrganisations::contains));
    }

    public List<Object> comment(String commentId, Author author, String sectionKey, String quote, String text,
            Instant now) {
        requireOpen(now, "comments");
        String section = sections.get(sectionKey);
        if (section == null) {
            throw new GuideRuleException(INVALID, "there is no section " + sectionKey + " (sections: "
                    + sections.keySet() + ")");
        }
        requireText(text);
        if (quote != null && quote.length() > MAX_QUOTE) {
            throw new GuideRuleException(INVALID, "a quoted passage is at most " + MAX_QUOTE + " characters");
        }
        if (comments.size() >= MAX_COMMENTS) {
            throw full("comments");
        }
        requireRoom(text.length() + (quote == null ? 0 : quote.length()));
        if (quote != null && !quote.isEmpty()) {
            if (!section.contains(quote)) {
                throw new GuideRuleException(INVALID, "the quoted passage does not occur in section " + sectionKey);
            }
        } else {
            quote = null;
        }
        comments.add(new Comment(commentId, author.personId(), author.organisationIds(), author.country(), sectionKey,
                quote, text, now, null, List.of(), null));
        return List.of(new ConsultationCommentAdded(id, commentId, sectionKey, author.personId()));
    }

    /** The author changes their comment's text while the round is open and it is not resolved. */
    public List<Object> edit(String commentId, String text, Instant now) {
        requireOpen(now, "changes to comments");
        Comment c = comment(commentId);
        requireUnresolved(c);
        requireText(text);
        requireRoom(text.length() - c.text().length());
        comments.set(comments.indexOf(c), new Comment(c.id(), c.authorId(), c.organisationIds(), c.country(),
                c.sectionKey(), c.quote(), text, c.at(), now, c.replies(), null));
        return List.of(new ConsultationCommentEdited(id, commentId));
    }

    /** The author withdraws their comment while the round is open and it is not resolved. */
    public List<Object> withdraw(String commentId, Instant now) {
        requireOpen(now, "withdrawals");
        Comment c = comment(commentId);
        requireUnresolved(c);
        comments.remove(c);
        return List.of(new ConsultationCommentWithdrawn(id, commentId));
    }

    public List<Object> reply(String commentId, String replyId, String authorId, String text, Instant now) {
        requireOpen(now, "replies");
        Comment c = comment(commentId);
        requireText(text);
        if (text.length() > MAX_REPLY) {
            throw new GuideRuleException(INVALID, "a reply is at most " + MAX_REPLY + " characters");
        }
        if (c.replies().size() >= MAX_REPLIES_PER_COMMENT
                || replyCount() >= MAX_REPLIES) {
            throw full("replies");
        }
        requireRoom(text.length());
        List<Comment.Reply> replies = new ArrayList<>(c.replies());
        replies.add(new Comment.Reply(replyId, authorId, text, now));
        comments.set(comments.indexOf(c), new Comment(c.id(), c.authorId(), c.organisationIds(), c.country(),
                c.sectionKey(), c.quote(), c.text(), c.at(), c.editedAt(), replies, c.resolution()));
        return List.of(new ConsultationCommentReplied(id, commentId, replyId, authorId));
    }

    /** A coordinator resolves a comment (also after the round closed); declining needs a reason. */
    public List<Object> resolve(String commentId, Comment.Outcome outcome, String reason, String by, Instant now) {
        Comment c = comment(commentId);
        if (outcome == null) {
            throw new GuideRuleException(INVALID, "a resolution is ACCEPTED or DECLINED");
        }
        if (outcome == Comment.Outcome.DECLINED && (reason == null || reason.isBlank())) {
            throw new GuideRuleException(INVALID, "declining a comment needs a reason");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new GuideRuleException(INVALID, "the reason is longer than " + MAX_REASON + " characters");
        }
        if (c.resolution() != null) {
            throw new GuideRuleException(CONFLICT, "comment " + commentId + " is already resolved ("
                    + c.resolution().outcome() + ")");
        }
        comments.set(comments.indexOf(c), new Comment(c.id(), c.authorId(), c.organisationIds(), c.country(),
                c.sectionKey(), c.quote(), c.text(), c.at(), c.editedAt(), c.replies(),
                new Comment.Resolution(outcome, reason == null || reason.isBlank() ? null : reason, by, now)));
        return List.of(new ConsultationCommentResolved(id, commentId, c.authorId(), outcome.name()));
    }

    // --- the clock ---------------------------------------------------------------------------

    public boolean overdue(Instant now) {
        return status == Status.OPEN && !now.isBefore(deadline);
    }

    /** Closes the round if its deadline has passed (nothing otherwise). */
    public List<Object> closeIfDue(Instant now) {
        if (!overdue(now)) {
            return List.of();
        }
        status = Status.CLOSED;
        closedAt = now;
        Participation p = participation();
        return List.of(new ConsultationClosed(id, subjectKind.name(), subjectRef, now, comments.size(),
                p.organisations(), p.countries()));
    }

    /** Raises the one "closing soon" reminder when the deadline is within 24 hours. */
    public List<Object> remindIfClosingSoon(Instant now, Set<String> everyoneInvited) {
        if (status != Status.OPEN || closingSoonRaisedAt != null || !now.isBefore(deadline)
                || now.plus(CLOSING_SOON).isBefore(deadline)) {
            return List.of();
        }
        closingSoonRaisedAt = now;
        return List.of(new ConsultationClosingSoon(id, deadline, timeZone, List.copyOf(new TreeSet<>(everyoneInvited))));
    }

    // --- participation -----------------------------------------------------------------------

    /**
     * Who took part (commented), against the plan's target of 20–30 organisations and experts from
     * 4 countries: {@code organisationsAndExperts} counts each organisation once, plus each commenter
     * who commented without an organisation.
     */
    public record Participation(int people, int organisations, int organisationsAndExperts, int countries,
            Set<String> byCountry) {
        public static final int TARGET_MIN = 20;
        public static final int TARGET_MAX = 30;
        public static final int TARGET_COUNTRIES = 4;

        public boolean targetMet() {
            return organisationsAndExperts >= TARGET_MIN && countries >= TARGET_COUNTRIES;
        }
    }

    public Participation participation() {
        Set<String> people = new LinkedHashSet<>();
        Set<String> orgs = new TreeSet<>();
        Set<String> independents = new LinkedHashSet<>();
        Set<String> countries = new TreeSet<>();
        for (Comment c : comments) {
            people.add(c.authorId());
            orgs.addAll(c.organisationIds());
            if (c.organisationIds().isEmpty()) {
                independents.add(c.authorId());
            }
            if (c.country() != null) {
                countries.add(c.country());
            }
        }
        return new Participation(people.size(), orgs.size(), orgs.size() + independents.size(), countries.size(),
                countries);
    }

    // --- erasure -----------------------------------------------------------------------------

    /** Erasure: the person's id is replaced by one anonymous id in comments, replies and resolutions, and uninvited. */
    public boolean anonymise(String personId, String anonymousId) {
        boolean changed = invitedPeople.remove(personId);
        if (personId.equals(openedBy)) {
            openedBy = anonymousId;
            changed = true;
        }
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            boolean touches = personId.equals(c.authorId())
                    || c.replies().stream().anyMatch(r -> personId.equals(r.authorId()))
                    || (c.resolution() != null && personId.equals(c.resolution().by()));
            if (!touches) {
                continue;
            }
            changed = true;
            List<Comment.Reply> replies = c.replies().stream().map(r -> personId.equals(r.authorId())
                    ? new Comment.Reply(r.id(), anonymousId, r.text(), r.at()) : r).toList();
            Comment.Resolution res = c.resolution();
            if (res != null && personId.equals(res.by())) {
                res = new Comment.Resolution(res.outcome(), res.reason(), anonymousId, res.at());
            }
            comments.set(i, new Comment(c.id(), personId.equals(c.authorId()) ? anonymousId : c.authorId(),
                    c.organisationIds(), c.country(), c.sectionKey(), c.quote(), c.text(), c.at(), c.editedAt(),
                    replies, res));
        }
        return changed;
    }

    // --- helpers -----------------------------------------------------------------------------

    /** The deadline as the local time in the round's zone, e.g. "2026-12-20 18:00 Asia/Almaty". */
    public String deadlineLocal() {
        return ZonedDateTime.ofInstant(deadline, ZoneId.of(timeZone))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + " " + timeZone;
    }

    public Comment comment(String commentId) {
        return comments.stream().filter(c -> c.id().equals(commentId)).findFirst()
                .orElseThrow(() -> new GuideRuleException(NOT_FOUND, "comment " + commentId + " does not exist"));
    }

    private void requireOpen(Instant now, String what) {
        if (status == Status.CLOSED || !now.isBefore(deadline)) {
            throw new GuideRuleException(CONFLICT, "the consultation closed at its deadline, " + deadlineLocal()
                    + " (" + deadline + "); " + what + " are no longer taken");
        }
    }

    private static void requireUnresolved(Comment c) {
        if (c.resolution() != null) {
            throw new GuideRuleException(CONFLICT, "comment " + c.id() + " is already resolved and cannot change");
        }
    }

    /** The characters of every comment, quote and reply of this round (reasons have their own bound). */
    public long commentCharacters() {
        long total = 0;
        for (Comment c : comments) {
            total += length(c.text()) + length(c.quote());
            for (Comment.Reply r : c.replies()) {
                total += length(r.text());
            }
        }
        return total;
    }

    /** The replies to all of this round's comments (at most {@link #MAX_REPLIES}). */
    public long replyCount() {
        return comments.stream().mapToLong(c -> c.replies().size()).sum();
    }

    private void requireRoom(long more) {
        if (more > 0 && commentCharacters() + more > MAX_COMMENT_CHARACTERS) {
            throw full("text");
        }
    }

    private static GuideRuleException full(String what) {
        return new GuideRuleException(INVALID, "this round is full: it holds as much " + what
                + " as one round can keep; open another round for more");
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new GuideRuleException(INVALID, "a comment needs text");
        }
        if (text.length() > MAX_TEXT) {
            throw new GuideRuleException(INVALID, "a comment is at most " + MAX_TEXT + " characters");
        }
    }

    private static List<String> distinctIds(List<String> ids, String what) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(orEmpty(ids)));
        for (String id : out) {
            if (id == null || id.isBlank() || id.length() > 100) {
                throw new GuideRuleException(INVALID, what + " is named by its id");
            }
        }
        return out;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    public String id() { return id; }
    public SubjectKind subjectKind() { return subjectKind; }
    public String subjectRef() { return subjectRef; }
    public Map<String, String> sections() { return java.util.Collections.unmodifiableMap(sections); }
    public List<String> sectionKeys() { return List.copyOf(sections.keySet()); }
    public Instant deadline() { return deadline; }
    public String timeZone() { return timeZone; }
    public List<String> invitedOrganisations() { return List.copyOf(invitedOrganisations); }
    public List<String> invitedPeople() { return List.copyOf(invitedPeople); }
    public Instant openedAt() { return openedAt; }
    public String openedBy() { return openedBy; }
    public Status status() { return status; }
    public Instant closedAt() { return closedAt; }
    public Instant closingSoonRaisedAt() { return closingSoonRaisedAt; }
    public List<Comment> comments() { return List.copyOf(comments); }
}
