package org.civictaskforce.strategy.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.strategy.domain.consultation.Comment;
import org.civictaskforce.strategy.domain.consultation.ConsultationRound;

/** The consultation rounds, one document each with its outbox. */
public interface ConsultationRoundStore {
    void insert(ConsultationRound round, List<?> events);

    Optional<Versioned<ConsultationRound>> find(String id);

    /** @throws org.springframework.dao.OptimisticLockingFailureException if the stored round changed since */
    void update(Versioned<ConsultationRound> changed, List<?> events);

    /**
     * Adds one new comment and its events to the stored round in one atomic update that, unlike
     * {@link #update(Versioned, List)}, does not require the round to be unchanged since it was loaded: comments do not
     * touch each other, so comments on one round do not conflict. The update still moves the round's version on, so a
     * full update based on an earlier copy (an edit, a reply, a resolution, the closing) fails and is retried.
     *
     * <p>It applies only while what the round checked when it took the comment still holds for the stored round: it is
     * open, has room for one more comment and for its characters, and still invites the author, in person or through
     * one of the organisations on the comment.
     *
     * @param commented the round as loaded, with the comment added to it ({@link ConsultationRound#comment})
     * @param commentId the comment added
     * @param events    what adding it raised
     * @return false if nothing was added because the stored round is gone, closed, full or no longer invites the
     *         author: load it again and let it decide
     * @throws org.springframework.dao.OptimisticLockingFailureException for a round stored before its characters
     *         were kept, which is saved in full (and so counted) the first time: if it changed since it was loaded
     */
    boolean appendComment(Versioned<ConsultationRound> commented, String commentId, List<?> events);

    /**
     * Adds one reply and its events to a comment of the stored round in one atomic update without the version check,
     * as {@link #appendComment} adds a comment: replies do not conflict with comments, other replies, edits or
     * resolutions. It applies only while what the round checked still holds for the stored round: it is open, the
     * comment is there with fewer than {@link ConsultationRound#MAX_REPLIES_PER_COMMENT} replies, the round has fewer
     * than {@link ConsultationRound#MAX_REPLIES} replies and room for the reply's characters, and, for a reply as an
     * invitee, it still invites the author.
     *
     * @param replied                the round as loaded, with the reply added to it ({@link ConsultationRound#reply})
     * @param inviteeOrganisations   the author's organisations, for a reply as an invitee; null for a coordinator's
     *                               (not checked)
     * @return false if nothing was added: load the round again and let it decide
     */
    boolean appendReply(Versioned<ConsultationRound> replied, String commentId, String replyId,
            List<String> inviteeOrganisations, List<?> events);

    /**
     * Writes an edited comment's text in one atomic update without the version check, where the round is open and the
     * comment is still by the same author, unresolved, with the text it was edited from (and there is room for
     * the longer text).
     *
     * @param edited the round as loaded, edited ({@link ConsultationRound#edit})
     * @param before the comment as loaded, before the edit
     * @return false if nothing was written: load the round again and let it decide
     */
    boolean editComment(Versioned<ConsultationRound> edited, Comment before, List<?> events);

    /**
     * Writes a comment's resolution in one atomic update without the version check, where the comment is still there,
     * by the same author (its event names them), and unresolved.
     *
     * @param resolved the round as loaded, resolved ({@link ConsultationRound#resolve})
     * @return false if nothing was written: load the round again and let it decide
     */
    boolean resolveComment(Versioned<ConsultationRound> resolved, String commentId, List<?> events);

    /** Every round, the newest opened first. */
    List<ConsultationRound> newestFirst();

    List<ConsultationRound> onSubject(ConsultationRound.SubjectKind kind, String ref);

    /** Ids of the open rounds whose deadline is at or before {@code deadline}. */
    List<String> openDueBy(Instant deadline);

    /** Ids of the open rounds due by {@code deadline} that have not raised "closing soon" yet. */
    List<String> openNotRemindedDueBy(Instant deadline);

    /** Ids of the rounds that hold the person's id (invitee, opener, author of a comment, reply or resolution). */
    List<String> naming(String personId);
}
