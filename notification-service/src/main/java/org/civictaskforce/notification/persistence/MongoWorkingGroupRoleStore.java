package org.civictaskforce.notification.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.bson.Document;
import org.civictaskforce.notification.application.WorkingGroupRoleStore;
import org.civictaskforce.platform.messaging.IdempotentProjection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * {@code working_group_roles}: per person id, whether they are an active member and their roles (lower
 * case), from membership's MemberActivated / PersonProfileUpdated / MemberLeft / MemberRemoved; ids only.
 * Used to find the coordinators to tell of research submissions. Each change and its event id are one
 * document update ({@link IdempotentProjection}); an erased person's document is deleted.
 */
@Repository
public class MongoWorkingGroupRoleStore implements WorkingGroupRoleStore {
    public static final String COLLECTION = "working_group_roles";

    private final MongoTemplate mongo;
    private final IdempotentProjection projection;

    public MongoWorkingGroupRoleStore(MongoTemplate mongo, IdempotentProjection projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    @Override
    public boolean activated(String eventId, String personId, List<String> roles) {
        return projection.apply(COLLECTION, personId, eventId,
                new Update().set("active", true).set("roles", normalised(roles)));
    }

    @Override
    public boolean rolesChanged(String eventId, String personId, List<String> roles) {
        return projection.apply(COLLECTION, personId, eventId, new Update().set("roles", normalised(roles))
                .setOnInsert("active", false));
    }

    @Override
    public boolean departed(String eventId, String personId) {
        return projection.apply(COLLECTION, personId, eventId, new Update().set("active", false));
    }

    @Override
    public void erase(String personId) {
        mongo.remove(Query.query(where("_id").is(personId)), COLLECTION);
    }

    /** The ids of the active members holding this role (lower case, e.g. {@code coordinator}). */
    @Override
    public List<String> activeWith(String role) {
        return mongo.find(Query.query(where("active").is(true).and("roles").is(role)), Document.class, COLLECTION)
                .stream().map(d -> d.getString("_id")).toList();
    }

    private static List<String> normalised(List<String> roles) {
        return roles == null ? List.of()
                : roles.stream().filter(Objects::nonNull).map(r -> r.strip().toLowerCase(Locale.ROOT)).distinct()
                        .toList();
    }
}
