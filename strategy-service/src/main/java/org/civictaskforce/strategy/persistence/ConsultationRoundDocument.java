package org.civictaskforce.strategy.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.strategy.domain.consultation.Comment;
import org.civictaskforce.strategy.domain.consultation.ConsultationRound;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One consultation round in {@code consultation_rounds}, its comments and its outbox. */
@Document(collection = ConsultationRoundDocument.COLLECTION)
@CompoundIndex(name = "open_by_deadline", def = "{'status': 1, 'deadline': 1}")
public class ConsultationRoundDocument extends OutboxDocument {
    public static final String COLLECTION = "consultation_rounds";
    public static final String STATUS = "status";
    public static final String DEADLINE = "deadline";
    public static final String CLOSING_SOON_RAISED_AT = "closingSoonRaisedAt";
    public static final String SUBJECT_KIND = "subjectKind";
    public static final String SUBJECT_REF = "subjectRef";
    public static final String COMMENTS = "comments";
    public static final String COMMENT_CHARACTERS = "commentCharacters";
    public static final String REPLY_COUNT = "replyCount";
    public static final String INVITED_PEOPLE = "invitedPeople";
    public static final String INVITED_ORGANISATIONS = "invitedOrganisations";

    @Id
    private String id;
    private String subjectKind;
    private String subjectRef;
    /** The consulted text per section key, in order (a list: section keys are not map keys here). */
    private List<SectionText> sections = new ArrayList<>();
    private Instant deadline;
    private String timeZone;
    private List<String> invitedOrganisations = new ArrayList<>();
    private List<String> invitedPeople = new ArrayList<>();
    private Instant openedAt;
    private String openedBy;
    private String status;
    private Instant closedAt;
    private Instant closingSoonRaisedAt;
    private List<Comment> comments = new ArrayList<>();
    /**
     * {@link ConsultationRound#commentCharacters()} of {@link #comments}, kept with them so that appending a comment
     * can check the round's text budget in its filter ({@link MongoConsultationRoundStore#appendComment}); null in a
     * round stored before it existed, until its next full save.
     */
    private Long commentCharacters;
    /**
     * {@link ConsultationRound#replyCount()} of {@link #comments}, kept with them so that appending a reply can check
     * the round's {@link ConsultationRound#MAX_REPLIES} in its filter ({@link MongoConsultationRoundStore#appendReply});
     * null in a round stored before it existed, until its next full save.
     */
    private Long replyCount;

    public record SectionText(String key, String text) {
    }

    public static ConsultationRoundDocument newFor(ConsultationRound round) {
        ConsultationRoundDocument document = new ConsultationRoundDocument();
        document.id = round.id();
        document.apply(round);
        return document;
    }

    public void apply(ConsultationRound r) {
        subjectKind = r.subjectKind().name();
        subjectRef = r.subjectRef();
        sections = r.sections().entrySet().stream().map(e -> new SectionText(e.getKey(), e.getValue())).toList();
        deadline = r.deadline();
        timeZone = r.timeZone();
        invitedOrganisations = r.invitedOrganisations();
        invitedPeople = r.invitedPeople();
        openedAt = r.openedAt();
        openedBy = r.openedBy();
        status = r.status().name();
        closedAt = r.closedAt();
        closingSoonRaisedAt = r.closingSoonRaisedAt();
        comments = r.comments();
        commentCharacters = r.commentCharacters();
        replyCount = r.replyCount();
    }

    public ConsultationRound toDomain() {
        Map<String, String> texts = new LinkedHashMap<>();
        sections.forEach(s -> texts.put(s.key(), s.text()));
        return ConsultationRound.restore(id, ConsultationRound.SubjectKind.valueOf(subjectKind), subjectRef, texts,
                deadline, timeZone, invitedOrganisations, invitedPeople, openedAt, openedBy,
                ConsultationRound.Status.valueOf(status), closedAt, closingSoonRaisedAt, comments);
    }

    public String getId() {
        return id;
    }
}
