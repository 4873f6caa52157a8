package org.civictaskforce.strategy.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.platform.outbox.OutboxEvent;
import org.civictaskforce.platform.outbox.OutboxRelay;
import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.strategy.application.ConsultationRoundStore;
import org.civictaskforce.strategy.domain.consultation.Comment;
import org.civictaskforce.strategy.domain.consultation.ConsultationRound;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
public class MongoConsultationRoundStore implements ConsultationRoundStore {
    private static final String OPEN = ConsultationRound.Status.OPEN.name();

    private final ConsultationRoundRepository rounds;
    private final MongoTemplate mongo;
    private final DomainEvents domainEvents;
    private final ObjectProvider<OutboxRelay> relay;

    public MongoConsultationRoundStore(ConsultationRoundRepository rounds, MongoTemplate mongo,
            DomainEvents domainEvents, ObjectProvider<OutboxRelay> relay) {
        this.rounds = rounds;
        this.mongo = mongo;
        this.domainEvents = domainEvents;
        this.relay = relay;
    }

    @Override
    public void insert(ConsultationRound round, List<?> events) {
        ConsultationRoundDocument document = ConsultationRoundDocument.newFor(round);
        document.append(domainEvents.wrapAll(round.id(), events));
        rounds.insert(document);
    }

    @Override
    public Optional<Versioned<ConsultationRound>> find(String id) {
        return rounds.findById(id).map(d -> new Versioned<>(d.toDomain(), d.getVersion()));
    }

    @Override
    public void update(Versioned<ConsultationRound> changed, List<?> events) {
        ConsultationRound round = changed.value();
        ConsultationRoundDocument document = OutboxDocument.atVersion(mongo, ConsultationRoundDocument.class,
                round.id(), changed.version());
        document.apply(round);
        document.append(domainEvents.wrapAll(round.id(), events));
        rounds.save(document);
    }

    /**
     * One {@code updateOne}: {@code $push} the comment and its outbox entries, {@code $inc} the round's characters and
     * its version, where the round is still open, holds fewer than {@link ConsultationRound#MAX_COMMENTS} comments,
     * has room for the comment's characters and invites the author. Comment and events are one document write, so
     * the events are published even if this process stops right after it. The write bypasses the mapping layer, so
     * {@code OutboxWakeUp} does not see it: the relay is woken here.
     */
    @Override
    public boolean appendComment(Versioned<ConsultationRound> commented, String commentId, List<?> events) {
        ConsultationRound round = commented.value();
        Comment comment = round.comment(commentId);
        long characters = length(comment.text()) + length(comment.quote());
        List<OutboxEvent> entries = domainEvents.wrapAll(round.id(), events);
        // a $push equals OutboxDocument.append for domain events; a keyed record would have to supersede older ones
        if (entries.stream().anyMatch(e -> !e.isEvent())) {
            throw new IllegalArgumentException("keyed records are appended by a full update, which supersedes older ones");
        }
        Query stillTakesIt = Query.query(Criteria.where("_id").is(round.id())
                .and(ConsultationRoundDocument.STATUS).is(OPEN)
                .and(ConsultationRoundDocument.COMMENTS + "." + (ConsultationRound.MAX_COMMENTS - 1)).exists(false)
                .and(ConsultationRoundDocument.COMMENT_CHARACTERS)
                .lte((long) ConsultationRound.MAX_COMMENT_CHARACTERS - characters)
                .orOperator(Criteria.where(ConsultationRoundDocument.INVITED_PEOPLE).is(comment.authorId()),
                        Criteria.where(ConsultationRoundDocument.INVITED_ORGANISATIONS).in(comment.organisationIds())));
        Update append = new Update().push(ConsultationRoundDocument.COMMENTS).each(stored(comment))
                .push(OutboxDocument.OUTBOX).each(entries.stream().map(this::stored).toArray())
                .inc(ConsultationRoundDocument.COMMENT_CHARACTERS, characters)
                .inc(OutboxDocument.VERSION, 1L);
        if (mongo.updateFirst(stillTakesIt, append, ConsultationRoundDocument.COLLECTION).getMatchedCount() == 1) {
            relay.ifAvailable(OutboxRelay::wake);
            return true;
        }
        if (mongo.exists(Query.query(Criteria.where("_id").is(round.id())
                .and(ConsultationRoundDocument.COMMENT_CHARACTERS).is(null)), ConsultationRoundDocument.COLLECTION)) {
            // stored before its characters were kept: saved in full once, under the version check, which counts them
            update(commented, events);
            return true;
        }
        return false;
    }

    /** As a full save writes it (a record's type is its declared one: no type hint). */
    private Document stored(Object value) {
        Document document = new Document();
        mongo.getConverter().write(value, document);
        document.remove("_class");
        return document;
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }

    @Override
    public List<ConsultationRound> newestFirst() {
        return rounds.findAllByOrderByOpenedAtDesc().stream().map(ConsultationRoundDocument::toDomain).toList();
    }

    @Override
    public List<ConsultationRound> onSubject(ConsultationRound.SubjectKind kind, String ref) {
        return rounds.findBySubjectKindAndSubjectRef(kind.name(), ref).stream()
                .map(ConsultationRoundDocument::toDomain).toList();
    }

    @Override
    public List<String> openDueBy(Instant deadline) {
        return rounds.findByStatusAndDeadlineLessThanEqual(OPEN, deadline).stream()
                .map(ConsultationRoundDocument::getId).toList();
    }

    @Override
    public List<String> openNotRemindedDueBy(Instant deadline) {
        return rounds.findByStatusAndClosingSoonRaisedAtIsNullAndDeadlineLessThanEqual(OPEN, deadline).stream()
                .map(ConsultationRoundDocument::getId).toList();
    }

    @Override
    public List<String> naming(String personId) {
        Query holding = Query.query(new Criteria().orOperator(Criteria.where("comments.authorId").is(personId),
                Criteria.where("comments.replies.authorId").is(personId),
                Criteria.where("comments.resolution.by").is(personId),
                Criteria.where("invitedPeople").is(personId), Criteria.where("openedBy").is(personId)));
        holding.fields().include("_id");
        return mongo.find(holding, ConsultationRoundDocument.class).stream().map(ConsultationRoundDocument::getId)
                .toList();
    }
}
