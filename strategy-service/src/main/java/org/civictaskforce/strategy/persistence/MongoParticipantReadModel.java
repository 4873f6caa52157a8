package org.civictaskforce.strategy.persistence;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.civictaskforce.platform.messaging.IdempotentProjection;
import org.civictaskforce.strategy.application.ParticipantReadModel;
import org.civictaskforce.strategy.domain.CountryTally;
import org.civictaskforce.strategy.domain.ParticipantStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code participants} collection. Each event becomes one upsert on the person's document that
 * also records the event id ({@link IdempotentProjection}), so redelivery is harmless and an event
 * about a person not seen yet creates the document with what it knows.
 */
@Repository
public class MongoParticipantReadModel implements ParticipantReadModel {
    private final MongoTemplate mongo;
    private final IdempotentProjection projection;

    public MongoParticipantReadModel(MongoTemplate mongo, IdempotentProjection projection) {
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
                .set(ParticipantDocument.COUNTRY, country)
                .set(ParticipantDocument.PREFERRED_LANGUAGE, preferredLanguage)
                .set(ParticipantDocument.REGISTERED_AT, registeredAt)
                // only for a person seen for the first time: an invitation learnt earlier stands
                .setOnInsert(ParticipantDocument.STATUS, ParticipantStatus.onFirstRegistration().name());
        if (protectedIdentity != null) {
            update.set(ParticipantDocument.PROTECTED_IDENTITY, protectedIdentity);
        }
        return projection.apply(ParticipantDocument.COLLECTION, personId, eventId, update);
    }

    @Override
    public boolean forget(String personId) {
        return mongo.remove(new Query(Criteria.where("_id").is(personId)), ParticipantDocument.COLLECTION)
                .getDeletedCount() > 0;
    }

    @Override
    public boolean recordInvitation(String eventId, String personId, Instant invitedAt) {
        Update update = new Update()
                .set(ParticipantDocument.STATUS, ParticipantStatus.INVITED.name())
                .set(ParticipantDocument.INVITED_AT, invitedAt);
        return projection.apply(ParticipantDocument.COLLECTION, personId, eventId, update);
    }

    @Override
    public boolean recordAffiliations(String eventId, String personId, List<String> organisationIds) {
        Update update = new Update().set(ParticipantDocument.ORGANISATION_IDS,
                organisationIds == null ? List.of() : organisationIds);
        return projection.apply(ParticipantDocument.COLLECTION, personId, eventId, update);
    }

    @Override
    public Facts facts(String personId) {
        ParticipantDocument document = personId == null ? null : mongo.findById(personId, ParticipantDocument.class);
        // a protected person's country is not handed out: it would be copied into their comments and a
        // round's participation, which every member and invitee of the round reads next to their id
        return document == null ? new Facts(personId, null, List.of())
                : new Facts(personId, Boolean.TRUE.equals(document.protectedIdentity()) ? null : document.country(),
                        document.organisationIds() == null ? List.of() : document.organisationIds());
    }

    @Override
    public List<String> peopleOf(List<String> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return mongo.findDistinct(new Query(Criteria.where(ParticipantDocument.ORGANISATION_IDS).in(organisationIds)),
                "_id", ParticipantDocument.COLLECTION, String.class);
    }

    @Override
    public List<CountryTally> tallies(boolean countriesOfProtected) {
        return mongo.aggregate(newAggregation(group(ParticipantDocument.COUNTRY, ParticipantDocument.PROTECTED_IDENTITY)
                .count().as("people")), ParticipantDocument.COLLECTION, Document.class)
                .getMappedResults().stream()
                .map(row -> {
                    Document key = row.get("_id", Document.class);
                    boolean hidden = !countriesOfProtected
                            && Boolean.TRUE.equals(key.get(ParticipantDocument.PROTECTED_IDENTITY));
                    return new CountryTally(hidden ? null : key.getString(ParticipantDocument.COUNTRY),
                            ((Number) row.get("people")).longValue());
                })
                .toList();
    }

    @Override
    public boolean recordProtection(String eventId, String personId, boolean protectedIdentity) {
        Update update = new Update().set(ParticipantDocument.PROTECTED_IDENTITY, protectedIdentity);
        return projection.apply(ParticipantDocument.COLLECTION, personId, eventId, update);
    }
}
