package org.civictaskforce.identity.membership;

import java.util.List;

import org.bson.Document;
import org.civictaskforce.platform.messaging.IdempotentProjection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.model.Filters;

/**
 * The {@code person_roles} projection of membership events: per person id, whether they are an active
 * member and their working-group roles. Each change records the event id in the same document update
 * ({@link IdempotentProjection}), so a redelivered event is applied once.
 */
public class PersonRoles {
    public static final String COLLECTION = "person_roles";

    private final MongoTemplate mongo;
    private final IdempotentProjection projection;

    public PersonRoles(MongoTemplate mongo, IdempotentProjection projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    /** Membership registered the person: from now on an enrolment link may be issued for them. */
    public boolean registered(String personId, String eventId) {
        return projection.apply(COLLECTION, personId, eventId, new Update().set("registered", true)
                .setOnInsert("active", false).setOnInsert("roles", List.of()));
    }

    /**
     * Whether membership has told this service about the person (registered, or any membership change) and
     * not erased them: only such people get enrolment links.
     */
    public boolean known(String personId) {
        return mongo.getCollection(COLLECTION).countDocuments(Filters.eq("_id", personId)) > 0;
    }

    public boolean activated(String personId, String eventId, List<String> roles) {
        return projection.apply(COLLECTION, personId, eventId,
                new Update().set("active", true).set("roles", Roles.normalise(roles)));
    }

    public boolean rolesChanged(String personId, String eventId, List<String> roles) {
        return projection.apply(COLLECTION, personId, eventId,
                new Update().set("roles", Roles.normalise(roles)).setOnInsert("active", false));
    }

    public boolean deactivated(String personId, String eventId) {
        return projection.apply(COLLECTION, personId, eventId,
                new Update().set("active", false).set("roles", List.of()));
    }

    public void erase(String personId) {
        mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", personId));
    }

    /** The person's membership roles if they are an active member, else none. */
    public List<String> activeRoles(String personId) {
        Document d = mongo.getCollection(COLLECTION).find(Filters.eq("_id", personId)).first();
        if (d == null || !d.getBoolean("active", false)) {
            return List.of();
        }
        return Roles.normalise(d.getList("roles", String.class, List.of()));
    }
}
