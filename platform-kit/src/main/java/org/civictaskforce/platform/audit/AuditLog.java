package org.civictaskforce.platform.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.civictaskforce.platform.outbox.OutboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The service's own {@code audit_log} collection. The outbox relay appends one entry per event it
 * publishes, keyed by the event id with an insert-only upsert, after the broker acknowledged and
 * before the event leaves the outbox: so no published change is missing from the log (a crash before
 * the append re-publishes and appends then) and none appears twice (the key).
 */
public class AuditLog {
    public static final String COLLECTION = "audit_log";
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final MongoTemplate mongo;
    private volatile boolean indexed;

    public AuditLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Appends the entries of events published from {@code collection}; a repeat changes nothing. */
    public void append(String collection, List<OutboxEvent> events, Instant now) {
        ensureIndexes();
        for (OutboxEvent event : events) {
            Document entry = new Document("type", event.type())
                    .append("source", event.source())
                    .append("subject", event.subject())
                    .append("collection", collection)
                    .append("time", Date.from(event.time()))
                    .append("correlationId", event.correlationId())
                    .append("actor", event.actor())
                    .append("recordedAt", Date.from(now));
            mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", event.eventId()),
                    Updates.setOnInsert(entry), new UpdateOptions().upsert(true));
        }
    }

    /** Entries matching every given criterion (null = any), newest first. */
    public Page<AuditEntry> search(String subject, String type, Instant from, Instant to, Pageable pageable) {
        List<Bson> criteria = new ArrayList<>();
        if (subject != null) {
            criteria.add(Filters.eq("subject", subject));
        }
        if (type != null) {
            criteria.add(Filters.eq("type", type));
        }
        if (from != null) {
            criteria.add(Filters.gte("time", Date.from(from)));
        }
        if (to != null) {
            criteria.add(Filters.lt("time", Date.from(to)));
        }
        Bson filter = criteria.isEmpty() ? new Document() : Filters.and(criteria);
        List<AuditEntry> content = new ArrayList<>();
        mongo.getCollection(COLLECTION).find(filter).sort(Sorts.descending("time", "_id"))
                .skip((int) pageable.getOffset()).limit(pageable.getPageSize())
                .forEach(d -> content.add(entry(d)));
        long total = mongo.getCollection(COLLECTION).countDocuments(filter);
        return new PageImpl<>(content, pageable, total);
    }

    private static AuditEntry entry(Document d) {
        return new AuditEntry(d.getString("_id"), d.getString("type"), d.getString("source"), d.getString("subject"),
                d.getString("collection"), instant(d.getDate("time")), d.getString("correlationId"),
                d.getString("actor"), instant(d.getDate("recordedAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        try {
            var collection = mongo.getCollection(COLLECTION);
            collection.createIndex(Indexes.descending("time", "_id"), new IndexOptions().name("audit_newest_first"));
            collection.createIndex(Indexes.compoundIndex(Indexes.ascending("subject"), Indexes.descending("time")),
                    new IndexOptions().name("audit_subject"));
            collection.createIndex(Indexes.compoundIndex(Indexes.ascending("type"), Indexes.descending("time")),
                    new IndexOptions().name("audit_type"));
            indexed = true;
        } catch (RuntimeException e) {
            log.warn("could not create the audit_log indexes, will try again: {}", e.toString());
        }
    }
}
