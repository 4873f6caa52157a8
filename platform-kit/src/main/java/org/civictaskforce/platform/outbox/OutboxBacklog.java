package org.civictaskforce.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the outbox still owes the broker, per collection, as two gauges an alert can watch:
 * {@code outbox.pending.documents} (documents with events not yet published) and
 * {@code outbox.oldest.pending.age} (seconds since the oldest unpublished event happened; 0 when nothing waits).
 * Normally both are near 0; they grow while the broker is unreachable. Read from the store at most once per
 * {@code refresh} however often it is scraped, since the local store scans to answer.
 */
public class OutboxBacklog {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);
    private static final String TIME = OutboxDocument.OUTBOX + ".time";

    /** One reading of one collection. */
    public record Reading(long documents, double oldestAgeSeconds, Instant at) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration refresh;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    public OutboxBacklog(MongoTemplate mongo, Clock clock, Duration refresh) {
        this.mongo = mongo;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** Registers both gauges for each outbox collection, tagged {@code collection}. */
    public OutboxBacklog register(MeterRegistry meters, List<String> collections) {
        for (String collection : collections) {
            // strong references: a gauge holds its object weakly, and nothing else need keep this one
            Gauge.builder("outbox.pending.documents", this, b -> b.reading(collection).documents())
                    .tag("collection", collection).description("documents whose events are not yet published")
                    .strongReference(true).register(meters);
            Gauge.builder("outbox.oldest.pending.age", this, b -> b.reading(collection).oldestAgeSeconds())
                    .tag("collection", collection).baseUnit("seconds")
                    .description("age of the oldest event not yet published (0 when none waits)")
                    .strongReference(true).register(meters);
        }
        return this;
    }

    /** The collection's backlog, read again when the last reading is older than the refresh interval. */
    public Reading reading(String collection) {
        Instant now = clock.instant();
        Reading last = readings.get(collection);
        if (last != null && Duration.between(last.at(), now).compareTo(refresh) < 0) {
            return last;
        }
        Reading fresh;
        try {
            fresh = read(collection, now);
        } catch (RuntimeException e) {
            log.warn("could not read the outbox backlog of {}: {}", collection, e.getClass().getName());
            return last != null ? last : new Reading(0, 0, now);
        }
        readings.put(collection, fresh);
        return fresh;
    }

    private Reading read(String collection, Instant now) {
        Query pending = Query.query(Criteria.where(OutboxDocument.OUTBOX + ".0").exists(true));
        pending.fields().include(TIME);
        long documents = 0;
        Instant oldest = null;
        for (Document document : mongo.find(pending, Document.class, collection)) {
            documents++;
            for (Document event : document.getList(OutboxDocument.OUTBOX, Document.class, List.of())) {
                Date time = event.getDate("time");
                if (time != null && (oldest == null || time.toInstant().isBefore(oldest))) {
                    oldest = time.toInstant();
                }
            }
        }
        double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000d);
        return new Reading(documents, age, now);
    }
}
