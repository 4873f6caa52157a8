package org.civictaskforce.platform.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies an event's effect to one read-model document and records the event id in the same
 * document update, so a redelivered event changes nothing.
 *
 * <p>The filter is "this id, and this event not yet applied"; with upsert, a document that already
 * applied the event makes the upsert collide on {@code _id}, which is how a duplicate is recognised.
 */
public class IdempotentProjection {
    public static final String APPLIED_EVENTS = "appliedEvents";
    /** How many recent event ids each document remembers. */
    static final int REMEMBERED = 100;

    private final MongoTemplate mongo;

    public IdempotentProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return true if the effect was applied now, false if this event had been applied before */
    public boolean apply(String collection, Object documentId, String eventId, Update effect) {
        Query notYetApplied = Query.query(where("_id").is(documentId).and(APPLIED_EVENTS).ne(eventId));
        effect.push(APPLIED_EVENTS).slice(-REMEMBERED).each(eventId);
        try {
            mongo.upsert(notYetApplied, effect, collection);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
