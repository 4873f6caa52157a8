package org.civictaskforce.platform.work;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A lease on one piece of stored work, so that of several workers (threads, replicas) one does it at a time, and a
 * worker that dies mid-way only delays it until the lease lapses. The one protocol behind the outbox relay, the
 * contact relay, notification deliveries and reminders:
 * <ol>
 * <li><b>claim</b>: one atomic {@code findAndModify}: the work's own filter, and no lease or a lapsed one, sets the
 * lease {@code {owner, until}} at {@link #path} (with whatever else the claim changes, e.g. a version bump or an
 * attempt count) and returns the document as claimed;</li>
 * <li>the work is done outside the store (send to the broker, to SMTP, …);</li>
 * <li><b>complete</b>: one update filtered on the lease still being this owner's, which records the result and
 * removes the lease. Nothing changed means the lease was lost (it lapsed and another worker took the work): that
 * worker's result stands, and the work may have been done twice, which each use absorbs (consumers deduplicate by
 * event id; a compacted topic keeps the latest record; a delivery's id makes a second send recognisable);</li>
 * <li><b>release</b>: after a failure, the lease is removed if still held, so that the next pass retries at once
 * instead of after the lease.</li>
 * </ol>
 * The {@code owner} is a replica's id (relays: one worker per replica) or a fresh token per claim (deliveries,
 * reminders: several claims per replica at once).
 *
 * @param path where the lease sub-document is kept, e.g. {@code outboxLease} or {@code deliveries.EMAIL.lease}
 */
public record Lease(String path) {

    /** The stored lease: who holds the work, and until when. */
    public record Held(String owner, Instant until) {
    }

    /** The work is free: no lease, or one that lapsed before {@code now}. */
    public Criteria claimable(Instant now) {
        return new Criteria().orOperator(where(path).is(null), where(path + ".until").lt(now));
    }

    /** The lease is still {@code owner}'s. */
    public Criteria heldBy(String owner) {
        return where(path + ".owner").is(owner);
    }

    /**
     * Claims one document that {@code work} selects and no one holds, adding the lease to {@code update}.
     *
     * @return the document as claimed, or null if there is none
     */
    public <T> T claim(MongoOperations mongo, Criteria work, Update update, String owner, Instant now, Duration length,
            Class<T> type, String collection) {
        Query free = Query.query(new Criteria().andOperator(work, claimable(now)));
        // a plain sub-document (no type hint), read back as Held wherever a document class declares one
        Document lease = new Document("owner", owner).append("until", Date.from(now.plus(length)));
        return mongo.findAndModify(free, update.set(path, lease),
                FindAndModifyOptions.options().returnNew(true), type, collection);
    }

    /**
     * Applies {@code update} to document {@code id} and removes the lease, if the lease is still {@code owner}'s.
     *
     * @return false if the lease was lost (nothing changed)
     */
    public boolean complete(MongoOperations mongo, Object id, String owner, Update update, String collection) {
        return complete(mongo, where("_id").is(id), owner, update, collection);
    }

    /**
     * As {@link #complete(MongoOperations, Object, String, Update, String)}, for the document {@code which} selects
     * (its id and whatever else must still hold, e.g. the revision that was sent).
     */
    public boolean complete(MongoOperations mongo, Criteria which, String owner, Update update, String collection) {
        return mongo.updateFirst(Query.query(which).addCriteria(heldBy(owner)), update.unset(path), collection)
                .getModifiedCount() > 0;
    }

    /** Gives the work back after a failure (with {@code update}, e.g. a version bump), if still {@code owner}'s. */
    public void release(MongoOperations mongo, Object id, String owner, Update update, String collection) {
        complete(mongo, id, owner, update, collection);
    }
}
