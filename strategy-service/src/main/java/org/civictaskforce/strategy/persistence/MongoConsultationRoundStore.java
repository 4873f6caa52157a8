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
    /** A comment's (and a reply's) id as the mapping layer stores it: an embedded {@code id} is written as {@code _id}. */
    private static final String EMBEDDED_ID = "_id";

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
        Criteria stillTakesIt = Criteria.where("_id").is(round.id())
                .and(ConsultationRoundDocument.STATUS).is(OPEN)
                .and(ConsultationRoundDocument.COMMENTS + "." + (ConsultationRound.MAX_COMMENTS - 1)).exists(false)
                .and(ConsultationRoundDocument.COMMENT_CHARACTERS)
                .lte((long) ConsultationRound.MAX_COMMENT_CHARACTERS - characters)
                .orOperator(Criteria.where(ConsultationRoundDocument.INVITED_PEOPLE).is(comment.authorId()),
                        Criteria.where(ConsultationRoundDocument.INVITED_ORGANISATIONS).in(comment.organisationIds()));
        Update append = new Update().push(ConsultationRoundDocument.COMMENTS).each(stored(comment))
                .inc(ConsultationRoundDocument.COMMENT_CHARACTERS, characters);
        // a round stored before its characters were kept is saved in full once, under the version check
        return write(commented, stillTakesIt, append,
                Criteria.where(ConsultationRoundDocument.COMMENT_CHARACTERS).is(null), events);
    }

    /**
     * One {@code updateOne}: {@code $push} the reply onto {@code comments.$[c].replies} (the array filter picks the
     * comment by id) and its outbox entries, {@code $inc} the round's characters, replies and version; where the round
     * is open, the comment is there with fewer than {@link ConsultationRound#MAX_REPLIES_PER_COMMENT} replies
     * ({@code $elemMatch}), the round holds fewer than {@link ConsultationRound#MAX_REPLIES} replies, has room for the
     * reply's characters and, for an invitee's reply, still invites the author.
     */
    @Override
    public boolean appendReply(Versioned<ConsultationRound> replied, String commentId, String replyId,
            List<String> inviteeOrganisations, List<?> events) {
        ConsultationRound round = replied.value();
        Comment.Reply reply = round.comment(commentId).replies().stream().filter(r -> r.id().equals(replyId))
                .findFirst().orElseThrow();
        long characters = length(reply.text());
        Criteria filter = Criteria.where("_id").is(round.id())
                .and(ConsultationRoundDocument.STATUS).is(OPEN)
                .and(ConsultationRoundDocument.COMMENTS).elemMatch(Criteria.where(EMBEDDED_ID).is(commentId)
                        .and("replies." + (ConsultationRound.MAX_REPLIES_PER_COMMENT - 1)).exists(false))
                .and(ConsultationRoundDocument.REPLY_COUNT).lt((long) ConsultationRound.MAX_REPLIES)
                .and(ConsultationRoundDocument.COMMENT_CHARACTERS)
                .lte((long) ConsultationRound.MAX_COMMENT_CHARACTERS - characters);
        if (inviteeOrganisations != null) {
            filter = filter.orOperator(Criteria.where(ConsultationRoundDocument.INVITED_PEOPLE).is(reply.authorId()),
                    Criteria.where(ConsultationRoundDocument.INVITED_ORGANISATIONS).in(inviteeOrganisations));
        }
        Update update = new Update().push(ConsultationRoundDocument.COMMENTS + ".$[c].replies").value(stored(reply))
                .filterArray(Criteria.where("c." + EMBEDDED_ID).is(commentId))
                .inc(ConsultationRoundDocument.COMMENT_CHARACTERS, characters)
                .inc(ConsultationRoundDocument.REPLY_COUNT, 1L);
        return write(replied, filter, update, events);
    }

    /**
     * One {@code updateOne}: {@code $set} the comment's text and edit time ({@code comments.$[c]}), {@code $push} the
     * outbox entries, {@code $inc} the round's characters by the difference and its version; where the round is open
     * and the comment ({@code $elemMatch}) is by the same author, unresolved, with the text it was edited from, and
     * the round has room for a longer text.
     */
    @Override
    public boolean editComment(Versioned<ConsultationRound> edited, Comment before, List<?> events) {
        ConsultationRound round = edited.value();
        Comment after = round.comment(before.id());
        long more = length(after.text()) - length(before.text());
        Criteria filter = Criteria.where("_id").is(round.id())
                .and(ConsultationRoundDocument.STATUS).is(OPEN)
                .and(ConsultationRoundDocument.COMMENTS).elemMatch(Criteria.where(EMBEDDED_ID).is(before.id())
                        .and("authorId").is(before.authorId()).and("text").is(before.text())
                        .and("resolution").is(null))
                .and(ConsultationRoundDocument.COMMENT_CHARACTERS)
                .lte((long) ConsultationRound.MAX_COMMENT_CHARACTERS - Math.max(more, 0));
        Update update = new Update().set(ConsultationRoundDocument.COMMENTS + ".$[c].text", after.text())
                .set(ConsultationRoundDocument.COMMENTS + ".$[c].editedAt",
                        mongo.getConverter().convertToMongoType(after.editedAt()))
                .filterArray(Criteria.where("c." + EMBEDDED_ID).is(before.id()))
                .inc(ConsultationRoundDocument.COMMENT_CHARACTERS, more);
        return write(edited, filter, update, events);
    }

    /**
     * One {@code updateOne}: {@code $set} the comment's resolution ({@code comments.$[c]}), {@code $push} the outbox
     * entries, {@code $inc} the version; where the comment ({@code $elemMatch}) is by the same author and unresolved.
     */
    @Override
    public boolean resolveComment(Versioned<ConsultationRound> resolved, String commentId, List<?> events) {
        ConsultationRound round = resolved.value();
        Comment comment = round.comment(commentId);
        Criteria filter = Criteria.where("_id").is(round.id())
                .and(ConsultationRoundDocument.COMMENTS).elemMatch(Criteria.where(EMBEDDED_ID).is(commentId)
                        .and("authorId").is(comment.authorId()).and("resolution").is(null));
        Update update = new Update().set(ConsultationRoundDocument.COMMENTS + ".$[c].resolution",
                stored(comment.resolution()))
                .filterArray(Criteria.where("c." + EMBEDDED_ID).is(commentId));
        return write(resolved, filter, update, null, events);
    }

    private boolean write(Versioned<ConsultationRound> changed, Criteria filter, Update update, List<?> events) {
        Criteria stale = new Criteria().orOperator(
                Criteria.where(ConsultationRoundDocument.COMMENT_CHARACTERS).is(null),
                Criteria.where(ConsultationRoundDocument.REPLY_COUNT).is(null));
        return write(changed, filter, update, stale, events);
    }

    /**
     * Applies the update with the round's outbox entries and a new version where the filter matches, and wakes the
     * relay. A round matching {@code stale} (stored before its counters were kept) is saved in full instead, under the
     * version check, which sets them.
     */
    private boolean write(Versioned<ConsultationRound> changed, Criteria filter, Update update, Criteria stale,
            List<?> events) {
        String id = changed.value().id();
        List<OutboxEvent> entries = domainEvents.wrapAll(id, events);
        // a $push equals OutboxDocument.append for domain events; a keyed record would have to supersede older ones
        if (entries.stream().anyMatch(e -> !e.isEvent())) {
            throw new IllegalArgumentException("keyed records are appended by a full update, which supersedes older ones");
        }
        update.push(OutboxDocument.OUTBOX).each(entries.stream().map(this::stored).toArray())
                .inc(OutboxDocument.VERSION, 1L);
        if (mongo.updateFirst(Query.query(filter), update, ConsultationRoundDocument.COLLECTION)
                .getMatchedCount() == 1) {
            relay.ifAvailable(OutboxRelay::wake);
            return true;
        }
        if (stale != null && mongo.exists(Query.query(Criteria.where("_id").is(id).andOperator(stale)),
                ConsultationRoundDocument.COLLECTION)) {
            update(changed, events);
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
