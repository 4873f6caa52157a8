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
        return recordRegistration(eventId, personId, country, preferredLanguage, registeredAt, null);
    }

    @Override
    public boolean recordRegistration(String eventId, String personId, String country, String preferredLanguage,
            Instant registeredAt, Boolean protectedIdentity) {
        Update update = new Update()
                .set(MemberDocument.COUNTRY, country)
                .set(MemberDocument.PREFERRED_LANGUAGE, preferredLanguage)
                .set(MemberDocument.REGISTERED_AT, registeredAt)
                // only for a person seen for the first time: an invitation learnt earlier stands
                .setOnInsert(MemberDocument.STATUS, PipelineStatus.onFirstRegistration().name());
        if (protectedIdentity != null) {
            update.set(MemberDocument.PROTECTED_IDENTITY, protectedIdentity);
        }
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
    public List<PipelineTally> tallies(boolean countriesOfProtected) {
        return mongo.aggregate(
                newAggregation(group(MemberDocument.COUNTRY, MemberDocument.STATUS, MemberDocument.PROTECTED_IDENTITY)
                        .count().as("people")),
                MemberDocument.COLLECTION, Document.class)
                .getMappedResults().stream()
                .map(row -> tally(row, countriesOfProtected))
                .toList();
    }

    private static PipelineTally tally(Document row, boolean countriesOfProtected) {
        Document key = row.get("_id", Document.class);
        boolean hidden = !countriesOfProtected && Boolean.TRUE.equals(key.get(MemberDocument.PROTECTED_IDENTITY));
        return new PipelineTally(hidden ? null : key.getString(MemberDocument.COUNTRY),
                PipelineStatus.valueOf(key.getString(MemberDocument.STATUS)),
                ((Number) row.get("people")).longValue());
    }

    @Override
    public java.util.Optional<String> status(String personId) {
        Document member = mongo.findById(personId, Document.class, MemberDocument.COLLECTION);
        return java.util.Optional.ofNullable(member).map(m -> m.getString(MemberDocument.STATUS));
    }

    @Override
    public boolean recordActivation(String eventId, String personId, String country, List<String> roles,
            Instant at) {
        Update update = new Update()
                .set(MemberDocument.MEMBERSHIP, MemberDocument.ACTIVE)
                .set(MemberDocument.ROLES, normalised(roles))
                .set(MemberDocument.MEMBERSHIP_CHANGED_AT, at)
                // a person activated before their registration arrived still counts in the pipeline
                .setOnInsert(MemberDocument.STATUS, PipelineStatus.INVITED.name());
        if (country != null) {
            update.set(MemberDocument.COUNTRY, country);
        }
        return projection.apply(MemberDocument.COLLECTION, personId, eventId, update);
    }

    @Override
    public boolean recordDeparture(String eventId, String personId, String membership, Instant at) {
        Update update = new Update()
                .set(MemberDocument.MEMBERSHIP, membership)
                .set(MemberDocument.ROLES, List.of())
                .set(MemberDocument.MEMBERSHIP_CHANGED_AT, at)
                .setOnInsert(MemberDocument.STATUS, PipelineStatus.INVITED.name());
        return projection.apply(MemberDocument.COLLECTION, personId, eventId, update);
    }

    @Override
    public boolean recordProfile(String eventId, String personId, List<String> roles, boolean protectedIdentity) {
        Update update = new Update().set(MemberDocument.ROLES, normalised(roles))
                .set(MemberDocument.PROTECTED_IDENTITY, protectedIdentity)
                .setOnInsert(MemberDocument.STATUS, PipelineStatus.CANDIDATE.name());
        return projection.apply(MemberDocument.COLLECTION, personId, eventId, update);
    }

    @Override
    public boolean isActiveExpert(String personId) {
        return mongo.exists(new Query(Criteria.where("_id").is(personId)
                .and(MemberDocument.MEMBERSHIP).is(MemberDocument.ACTIVE)
                .and(MemberDocument.ROLES).is(MemberDocument.EXPERT)), MemberDocument.COLLECTION);
    }

    private static List<String> normalised(List<String> roles) {
        return roles == null ? List.of()
                : roles.stream().filter(java.util.Objects::nonNull)
                        .map(r -> r.strip().toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    }
}
