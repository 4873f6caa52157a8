package org.civictaskforce.research.persistence;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.civictaskforce.platform.messaging.IdempotentProjection;
import org.civictaskforce.research.application.MemberReadModel;
import org.civictaskforce.research.domain.PipelineStatus;
import org.civictaskforce.research.domain.PipelineTally;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code members} collection. Each event becomes one upsert on the person's document that also
 * records the event id ({@link IdempotentProjection}), so redelivery is harmless and an event about a
 * person not seen yet creates the document with what it knows.
 */
@Repository
public class MongoMemberReadModel implements MemberReadModel {
    private final MongoTemplate mongo;
    private final IdempotentProjection projection;

    public MongoMemberReadModel(MongoTemplate mongo, IdempotentProjection projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    @Override
    public boolean recordRegistration(String eventId, String personId, String country, String preferredLanguage,
            Instant registeredAt) {
        Update update = new Update()
                .set(MemberDocument.COUNTRY, country)
                .set(MemberDocument.PREFERRED_LANGUAGE, preferredLanguage)
                .set(MemberDocument.REGISTERED_AT, registeredAt)
                // only for a person seen for the first time: an invitation learnt earlier stands
                .setOnInsert(MemberDocument.STATUS, PipelineStatus.onFirstRegistration().name());
        return projection.apply(MemberDocument.COLLECTION, personId, eventId, update);
    }

    @Override
    public boolean forget(String personId) {
        return mongo.remove(new Query(Criteria.where("_id").is(personId)), MemberDocument.COLLECTION)
                .getDeletedCount() > 0;
    }

    @Override
    public boolean recordInvitation(String eventId, String personId, Instant invitedAt) {
        Update update = new Update()
                .set(MemberDocument.STATUS, PipelineStatus.INVITED.name())
                .set(MemberDocument.INVITED_AT, invitedAt);
        return projection.apply(MemberDocument.COLLECTION, personId, eventId, update);
    }

    @Override
    public List<PipelineTally> tallies() {
        return mongo.aggregate(
                newAggregation(group(MemberDocument.COUNTRY, MemberDocument.STATUS).count().as("people")),
                MemberDocument.COLLECTION, Document.class)
                .getMappedResults().stream()
                .map(MongoMemberReadModel::tally)
                .toList();
    }

    private static PipelineTally tally(Document row) {
        Document key = row.get("_id", Document.class);
        return new PipelineTally(key.getString(MemberDocument.COUNTRY),
                PipelineStatus.valueOf(key.getString(MemberDocument.STATUS)),
                ((Number) row.get("people")).longValue());
    }

    @Override
    public java.util.Optional<String> status(String personId) {
        Document member = mongo.findById(personId, Document.class, MemberDocument.COLLECTION);
        return java.util.Optional.ofNullable(member).map(m -> m.getString(MemberDocument.STATUS));
    }
}
