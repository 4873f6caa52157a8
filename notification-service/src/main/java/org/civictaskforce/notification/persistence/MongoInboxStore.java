package org.civictaskforce.notification.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;

import org.civictaskforce.notification.application.InboxStore;
import org.civictaskforce.notification.domain.InboxItem;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The in-app inbox. */
@Repository
public class MongoInboxStore implements InboxStore {
    private final MongoTemplate mongo;

    public MongoInboxStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Puts a notification into the person's inbox. An upsert on the deterministic id: delivering the
     * same notification again rewrites the same item and keeps whether it was read.
     */
    @Override
    public void put(String notificationId, String personId, String subject, String body, String language,
            Instant now) {
        Update update = new Update()
                .set("personId", personId)
                .set("notificationId", notificationId)
                .set("subject", subject)
                .set("body", body)
                .set("language", language)
                .setOnInsert("createdAt", now)
                .setOnInsert("read", false);
        mongo.upsert(Query.query(where("_id").is(InboxItemDocument.idFor(notificationId))), update,
                InboxItemDocument.class);
    }

    @Override
    public Page<InboxItem> page(String personId, int page, int size) {
        PageRequest pageable = PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")));
        Query query = Query.query(where("personId").is(personId));
        long total = mongo.count(query, InboxItemDocument.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), InboxItemDocument.class).stream()
                .map(InboxItemDocument::toDomain).toList(), pageable, total);
    }

    /** The person's items created at or after {@code since}, oldest first (for live push). */
    @Override
    public java.util.List<InboxItem> createdSince(String personId, Instant since, int limit) {
        return mongo.find(Query.query(where("personId").is(personId).and("createdAt").gte(since))
                .with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id"))).limit(limit),
                InboxItemDocument.class).stream().map(InboxItemDocument::toDomain).toList();
    }

    @Override
    public long unreadCount(String personId) {
        return mongo.count(Query.query(where("personId").is(personId).and("read").is(false)), InboxItemDocument.class);
    }

    /** @return false if the person has no such item */
    @Override
    public boolean markRead(String personId, String itemId, Instant now) {
        Query query = Query.query(where("_id").is(itemId).and("personId").is(personId));
        if (mongo.exists(query, InboxItemDocument.class)) {
            mongo.updateFirst(Query.query(where("_id").is(itemId).and("personId").is(personId).and("read").is(false)),
                    new Update().set("read", true).set("readAt", now), InboxItemDocument.class);
            return true;
        }
        return false;
    }

    @Override
    public long deleteAllOf(String personId) {
        return mongo.remove(Query.query(where("personId").is(personId)), InboxItemDocument.class).getDeletedCount();
    }

    @Override
    public long countOf(String personId) {
        return mongo.count(Query.query(where("personId").is(personId)), InboxItemDocument.class);
    }
}
