package org.civictaskforce.strategy.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.strategy.application.ConsultationRoundStore;
import org.civictaskforce.strategy.domain.consultation.ConsultationRound;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
public class MongoConsultationRoundStore implements ConsultationRoundStore {
    private static final String OPEN = ConsultationRound.Status.OPEN.name();

    private final ConsultationRoundRepository rounds;
    private final MongoTemplate mongo;
    private final DomainEvents domainEvents;

    public MongoConsultationRoundStore(ConsultationRoundRepository rounds, MongoTemplate mongo,
            DomainEvents domainEvents) {
        this.rounds = rounds;
        this.mongo = mongo;
        this.domainEvents = domainEvents;
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
