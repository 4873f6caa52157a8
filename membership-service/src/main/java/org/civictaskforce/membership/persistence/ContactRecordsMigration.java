package org.civictaskforce.membership.persistence;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.civictaskforce.contracts.membership.PersonContact;
import org.civictaskforce.membership.application.PersonStore;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.platform.outbox.OutboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

/**
 * Upgrades people stored while a separate contact relay published the contacts topic from bookkeeping fields of
 * their own ({@code contactRevision}, {@code contactPublishedRevision}, {@code contactPending},
 * {@code contactLease}). At start-up, before requests: a person whose contact was still waiting gets the contact
 * record as it is now (a tombstone if erased) in the outbox, and the old fields leave every document, each in one
 * write guarded by the document's version. Idempotent: once it has dropped the old fields' index, it reads nothing.
 */
@Component
public class ContactRecordsMigration implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(ContactRecordsMigration.class);
    public static final List<String> OLD_FIELDS = List.of("contactRevision", "contactPublishedRevision", "contactPending",
            "contactLease");
    private static final String OLD_INDEX = "contact_pending";
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final DomainEvents domainEvents;

    ContactRecordsMigration(MongoTemplate mongo, DomainEvents domainEvents) {
        this.mongo = mongo;
        this.domainEvents = domainEvents;
    }

    @Override
    public void afterPropertiesSet() {
        run();
    }

    /**
     * Moves what is waiting and removes the old fields; returns once done. Every earlier version created the
     * {@code contact_pending} index at its start, and this drops it last: without it there is nothing left to move,
     * and every later start skips the two collection scans.
     */
    public void run() {
        MongoCollection<Document> people = mongo.getCollection(PersonDocument.COLLECTION);
        if (!hasOldIndex(people)) {
            return;
        }
        int moved = 0;
        for (Document pending : people.find(Filters.eq("contactPending", true)).projection(Projections.include("_id"))) {
            moved += move(people, pending.get("_id"));
        }
        long cleaned = people.updateMany(Filters.exists("contactRevision"),
                Updates.combine(OLD_FIELDS.stream().map(Updates::unset).toList())).getModifiedCount();
        people.dropIndex(OLD_INDEX);
        if (moved > 0 || cleaned > 0) {
            log.info("moved {} waiting contact record(s) into the outbox; removed the old contact fields from {} person document(s)",
                    moved, cleaned);
        }
    }

    private static boolean hasOldIndex(MongoCollection<Document> people) {
        for (Document index : people.listIndexes()) {
            if (OLD_INDEX.equals(index.getString("name"))) {
                return true;
            }
        }
        return false;
    }

    /** One person's waiting contact into the outbox, retried if the document changes meanwhile. */
    private int move(MongoCollection<Document> people, Object id) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document person = people.find(Filters.and(Filters.eq("_id", id), Filters.eq("contactPending", true)))
                    .first();
            if (person == null) {
                return 0; // published or moved meanwhile
            }
            String personId = String.valueOf(id);
            OutboxEvent record = domainEvents.keyedRecord(PersonStore.CONTACTS_BINDING, personId,
                    Boolean.TRUE.equals(person.getBoolean("erased")) ? null
                            : new PersonContact(personId, person.getString("displayName"), person.getString("email"),
                                    person.getString("preferredLanguage"), person.getString("timeZone")));
            Document entry = new Document();
            mongo.getConverter().write(record, entry);
            entry.remove("_class");
            List<Bson> changes = new ArrayList<>(
                    OLD_FIELDS.stream().map(Updates::unset).toList());
            changes.add(Updates.push(OutboxDocument.OUTBOX, entry));
            changes.add(Updates.inc(OutboxDocument.VERSION, 1L));
            if (people.updateOne(Filters.and(Filters.eq("_id", id),
                    Filters.eq(OutboxDocument.VERSION, person.get(OutboxDocument.VERSION))),
                    Updates.combine(changes)).getModifiedCount() == 1) {
                return 1;
            }
        }
        throw new IllegalStateException("person " + id + " kept changing while its waiting contact was moved to the outbox");
    }
}
