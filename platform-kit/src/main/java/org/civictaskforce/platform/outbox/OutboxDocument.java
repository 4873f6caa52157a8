package org.civictaskforce.platform.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.civictaskforce.platform.work.Lease;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Base of every persisted aggregate document that raises events. Saving the document writes the new
 * state and its pending events in one document update, which is atomic on every MongoDB (no
 * transactions needed). {@link OutboxRelay} publishes the events and removes them.
 *
 * <p>The relay bumps {@link #version} when it removes published events, so a save based on a stale
 * copy fails with an optimistic-locking error instead of putting published events back; callers
 * retry through {@link OptimisticRetry}.
 */
public abstract class OutboxDocument {
    public static final String OUTBOX = "outbox";
    public static final String LEASE = "outboxLease";
    public static final String VERSION = "version";

    @Version
    private Long version;

    private List<OutboxEvent> outbox = new ArrayList<>();

    private Lease.Held outboxLease;

    /**
     * The stored document {@code id} if it is still at {@code version}, for a store that saves an aggregate loaded
     * earlier (see {@link Versioned}); the save then checks the version once more.
     *
     * @throws OptimisticLockingFailureException if it changed since, or is gone
     */
    public static <D extends OutboxDocument> D atVersion(MongoOperations mongo, Class<D> type, String id,
            Long version) {
        D document = mongo.findOne(Query.query(Criteria.where("_id").is(id).and(VERSION).is(version)), type);
        if (document == null) {
            throw new OptimisticLockingFailureException(type.getSimpleName() + " " + id + " changed since it was loaded");
        }
        return document;
    }

    /**
     * Adds entries after those already waiting. A keyed record removes any unsent record for the same binding and key
     * first: on a compacted topic only the latest state counts, and an older contact that was never sent should not
     * leave at all (an erased person's last details, for one). Removing it is safe while a relay holds the document:
     * the relay removes only the entries it sent, by id, and sends the newer record on its next pass.
     */
    public void append(Collection<OutboxEvent> events) {
        for (OutboxEvent event : events) {
            outbox.removeIf(event::supersedes);
            outbox.add(event);
        }
    }

    public List<OutboxEvent> getOutbox() {
        return outbox;
    }

    public void setOutbox(List<OutboxEvent> outbox) {
        this.outbox = outbox == null ? new ArrayList<>() : outbox;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Lease.Held getOutboxLease() {
        return outboxLease;
    }

    public void setOutboxLease(Lease.Held outboxLease) {
        this.outboxLease = outboxLease;
    }
}
