package org.civictaskforce.membership.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.civictaskforce.membership.application.InstitutionReadModel;
import org.civictaskforce.platform.messaging.IdempotentProjection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * research-service's institution catalogue as membership knows it from {@code InstitutionCatalogued}
 * (collection {@code institution_catalogue}: {@code _id} = institution id, the latest name): the ids a
 * decision on target institutions may name. Each event is one idempotent upsert.
 */
@Repository
public class MongoInstitutionReadModel implements InstitutionReadModel {
    public static final String COLLECTION = "institution_catalogue";

    private final MongoTemplate mongo;
    private final IdempotentProjection projection;

    public MongoInstitutionReadModel(MongoTemplate mongo, IdempotentProjection projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    @Override
    public boolean record(String eventId, String institutionId, String name, Instant cataloguedAt) {
        return projection.apply(COLLECTION, institutionId, eventId,
                new Update().set("name", name).set("cataloguedAt", cataloguedAt));
    }

    @Override
    public List<String> unknown(Collection<String> institutionIds) {
        Set<String> wanted = new LinkedHashSet<>(institutionIds);
        Query known = new Query(where("_id").in(wanted));
        known.fields().include("_id");
        mongo.find(known, Document.class, COLLECTION).forEach(d -> wanted.remove(d.getString("_id")));
        return List.copyOf(wanted);
    }
}
