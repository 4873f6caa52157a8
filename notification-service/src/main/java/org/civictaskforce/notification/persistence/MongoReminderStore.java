package org.civictaskforce.notification.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.civictaskforce.notification.application.ReminderStore;
import org.civictaskforce.notification.domain.Reminder;
import org.civictaskforce.platform.work.Lease;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Reminders: scheduled by upsert on their deterministic id, fired under a lease like deliveries. */
@Repository
public class MongoReminderStore implements ReminderStore {
    private static final Lease LEASE = new Lease("lease");

    private final MongoTemplate mongo;

    public MongoReminderStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the reminder, or moves a pending one (the meeting moved); a fired one stays fired. */
    @Override
    public void schedule(String subjectId, String personId, Duration offset, String template, String eventType,
            Instant dueAt, Map<String, String> values, Map<String, Instant> times) {
        String id = Reminder.idFor(subjectId, personId, offset);
        Update update = new Update()
                .setOnInsert("subjectId", subjectId).setOnInsert("personId", personId)
                .setOnInsert("offset", offset.toString()).setOnInsert("status", ReminderDocument.PENDING)
                .set("template", template).set("eventType", eventType).set("dueAt", dueAt)
                .set("values", values).set("times", times);
        try {
            mongo.upsert(Query.query(where("_id").is(id).and("status").is(ReminderDocument.PENDING)), update,
                    ReminderDocument.class);
        } catch (org.springframework.dao.DuplicateKeyException firedAlready) {
            // the filter missed because it was fired: nothing to change
        }
    }

    /**
     * The subject moved: like {@link #schedule}, and a reminder that already fired for the old time is armed
     * again for the new one (next round, so its notification is a new one). Repeating the same move changes
     * nothing, because a fired reminder is re-armed only when its due time differs.
     */
    @Override
    public void move(String subjectId, String personId, Duration offset, String template, String eventType,
            Instant dueAt, Map<String, String> values, Map<String, Instant> times) {
        schedule(subjectId, personId, offset, template, eventType, dueAt, values, times);
        mongo.updateFirst(Query.query(where("_id").is(Reminder.idFor(subjectId, personId, offset))
                .and("status").is(ReminderDocument.FIRED).and("dueAt").ne(dueAt)),
                new Update().set("status", ReminderDocument.PENDING).set("dueAt", dueAt).set("template", template)
                        .set("eventType", eventType).set("values", values).set("times", times).inc("round", 1)
                        .unset("firedAt"),
                ReminderDocument.class);
    }

    /** Drops the pending reminder at this offset (e.g. its new due time has already passed). */
    @Override
    public long dropPending(String subjectId, String personId, Duration offset) {
        return mongo.remove(Query.query(where("_id").is(Reminder.idFor(subjectId, personId, offset))
                .and("status").is(ReminderDocument.PENDING)), ReminderDocument.class).getDeletedCount();
    }

    /** Drops one person's pending reminders of a subject (they declined). */
    @Override
    public long dropPending(String subjectId, String personId) {
        return mongo.remove(Query.query(where("subjectId").is(subjectId).and("personId").is(personId)
                .and("status").is(ReminderDocument.PENDING)), ReminderDocument.class).getDeletedCount();
    }

    /** Drops every pending reminder of a subject (it was cancelled). */
    @Override
    public long dropPending(String subjectId) {
        return mongo.remove(Query.query(where("subjectId").is(subjectId).and("status").is(ReminderDocument.PENDING)),
                ReminderDocument.class).getDeletedCount();
    }

    @Override
    public List<Reminder> findAllOf(String subjectId) {
        return mongo.find(Query.query(where("subjectId").is(subjectId)), ReminderDocument.class).stream()
                .map(ReminderDocument::toDomain).toList();
    }

    /** Claims one due reminder (or one whose claim lapsed) for this dispatcher alone. */
    @Override
    public Optional<ClaimedReminder> claimDue(Instant now, Duration lease) {
        String token = UUID.randomUUID().toString();
        ReminderDocument claimed = LEASE.claim(mongo, where("status").is(ReminderDocument.PENDING).and("dueAt").lte(now),
                new Update(), token, now, lease, ReminderDocument.class, ReminderDocument.COLLECTION);
        return Optional.ofNullable(claimed).map(r -> new ClaimedReminder(r.toDomain(), token));
    }

    @Override
    public boolean markFired(ClaimedReminder claim, Instant now) {
        return LEASE.complete(mongo, claim.reminder().id(), claim.claimToken(),
                new Update().set("status", ReminderDocument.FIRED).set("firedAt", now), ReminderDocument.COLLECTION);
    }

    @Override
    public Optional<Reminder> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ReminderDocument.class)).map(ReminderDocument::toDomain);
    }

    @Override
    public long deleteAllOf(String personId) {
        return mongo.remove(Query.query(Criteria.where("personId").is(personId)), ReminderDocument.class)
                .getDeletedCount();
    }
}
