package org.civictaskforce.research.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.civictaskforce.research.application.TargetInstitutionsReadModel;
import org.civictaskforce.research.domain.TargetInstitutions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code target_institutions} collection: one document ({@code _id: "working-group"}) holding the
 * latest decision. A decision is one conditional upsert, "this document, and its decision is not as
 * late as mine" ({@code decidedAt} not {@code >=} the new one): a later decision updates it; an older,
 * equal or redelivered one matches nothing, so the upsert tries to insert a second document with the
 * same {@code _id} and the store refuses it. That makes the write idempotent and order-independent
 * without remembering event ids; the last applied event id is kept for tracing.
 */
@Repository
public class MongoTargetInstitutionsReadModel implements TargetInstitutionsReadModel {
    public static final String COLLECTION = "target_institutions";
    static final String WORKING_GROUP = "working-group";

    private final MongoTemplate mongo;

    public MongoTargetInstitutionsReadModel(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean recordIfLater(String eventId, TargetInstitutions decision) {
        Query earlierOrNone = Query.query(where("_id").is(WORKING_GROUP).and("decidedAt").not()
                .gte(decision.decidedAt()));
        Update update = new Update().set("institutionIds", decision.institutionIds())
                .set("decidedAt", decision.decidedAt())
                .set("meetingId", decision.meetingId())
                .set("decisionId", decision.decisionId())
                .set("eventId", eventId);
        try {
            mongo.upsert(earlierOrNone, update, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public TargetInstitutions current() {
        Document stored = mongo.findById(WORKING_GROUP, Document.class, COLLECTION);
        if (stored == null) {
            return TargetInstitutions.NONE;
        }
        Date decidedAt = stored.getDate("decidedAt");
        return new TargetInstitutions(stored.getList("institutionIds", String.class, List.of()),
                decidedAt == null ? null : Instant.ofEpochMilli(decidedAt.getTime()), stored.getString("meetingId"),
                stored.getString("decisionId"));
    }
}
