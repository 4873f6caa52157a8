package org.civictaskforce.membership.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.PersonContact;
import org.civictaskforce.membership.persistence.PersonDocument;
import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.platform.work.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Publishes each person's current contact record to the compacted {@code membership.contacts.v1}
 * topic (key = person id; a tombstone once the person is erased), without a dual write.
 *
 * <p>A change to the contact bumps {@code contactRevision} in the same document write. Per pending
 * person this relay: claims the document with a lease (so two replicas never publish one person at
 * once and race an older revision past a newer one), sends the contact as it is NOW, waits for the
 * broker's acknowledgement, then sets {@code contactPublishedRevision} to the sent revision only if
 * the revision has not moved meanwhile. A crash before that update, or a change in between, means
 * the latest state is sent again, which is harmless on a compacted topic.
 *
 * <p>Claim and release bump the document's version, like the outbox relay, so a request holding a
 * stale copy cannot silently drop a lease; it gets an optimistic-lock conflict and retries.
 */
public class ContactRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ContactRelay.class);
    private static final Lease LEASE = new Lease(PersonDocument.CONTACT_LEASE);

    private final MongoTemplate mongo;
    /** The output binding whose destination is the contacts topic (application.yml). */
    public static final String BINDING = "contacts-out-0";

    private final StreamBridge bridge;
    private final KafkaAdmin admin;
    private final ContactRelayProperties properties;
    private final Clock clock;
    private final String owner = "contact-relay-" + UUID.randomUUID();
    private final Duration segment;
    private ScheduledExecutorService executor;
    private volatile boolean running;
    /** When this relay last appended to the topic and when it last appended the segment-roll marker. */
    private volatile Instant lastPublished;
    private volatile Instant lastMarker;
    /** Kafka rolls segments by the wall clock, whatever clock the service is given. */
    private final Clock wallClock = Clock.systemUTC();

    public ContactRelay(MongoTemplate mongo, StreamBridge bridge, KafkaAdmin admin, ContactRelayProperties properties,
            Duration segment, Clock clock) {
        this.mongo = mongo;
        this.bridge = bridge;
        this.admin = admin;
        this.properties = properties;
        this.segment = segment;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "contact-relay");
            t.setDaemon(true);
            return t;
        });
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::relayAllSafely, interval, interval, TimeUnit.MILLISECONDS);
        // a record written before a restart may sit in an open segment too: roll once after each start
        lastPublished = wallClock.instant();
        long check = Math.max(100, segment.toMillis() / 2);
        executor.scheduleWithFixedDelay(this::rollSegmentSafely, check, check, TimeUnit.MILLISECONDS);
    }

    /**
     * Compaction never touches the open segment, and a segment closes only when a record is appended
     * after {@code segment.ms}. On a quiet topic an erased person's tombstone — and the contact record it
     * supersedes — could therefore stay readable for ever. Once {@code segment} has passed since this relay
     * last appended, it appends one marker per partition (a tombstone under {@link Topics#CONTACTS_SEGMENT_ROLL_KEY}, which
     * consumers skip), so the segment holding the tombstone closes and the cleaner removes the record.
     */
    void rollSegmentSafely() {
        Instant published = lastPublished;
        Instant now = wallClock.instant();
        if (published == null || (lastMarker != null && lastMarker.isAfter(published))
                || now.isBefore(published.plus(segment).plusMillis(100))) {
            return;
        }
        try {
            // each partition has its own segments: one marker in every partition
            int partitions = admin.describeTopics(Topics.MEMBERSHIP_CONTACTS).get(Topics.MEMBERSHIP_CONTACTS)
                    .partitions().size();
            for (int partition = 0; partition < partitions; partition++) {
                send(MessageBuilder.withPayload((Object) KafkaNull.INSTANCE)
                        .setHeader(KafkaHeaders.KEY, bytes(Topics.CONTACTS_SEGMENT_ROLL_KEY))
                        .setHeader(KafkaHeaders.PARTITION, partition).build());
            }
            lastMarker = now;
        } catch (RuntimeException e) {
            log.warn("appending the contacts topic's segment-roll marker failed, will retry: {}", e.getClass().getName());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void relayAllSafely() {
        try {
            relayAll();
        } catch (RuntimeException e) {
            log.warn("contact relay pass failed, will retry: {}", e.getClass().getName());
        }
    }

    /** One pass over every person whose published contact is behind; returns how many were published. */
    public int relayAll() {
        int published = 0;
        Document claimed;
        while ((claimed = claimNext()) != null) {
            if (publish(claimed)) {
                published++;
            }
        }
        return published;
    }

    private Document claimNext() {
        return LEASE.claim(mongo, Criteria.where(PersonDocument.CONTACT_PENDING).is(true),
                new Update().inc(OutboxDocument.VERSION, 1L), owner, clock.instant(), properties.lease(),
                Document.class, PersonDocument.COLLECTION);
    }

    private boolean publish(Document person) {
        Object id = person.get("_id");
        long revision = revisionOf(person);
        try {
            send(message(person));
        } catch (RuntimeException e) {
            log.warn("publishing contact of person {} failed, will retry: {}", id, e.getClass().getName());
            release(id);
            return false;
        }
        lastPublished = wallClock.instant();
        // completed only if the revision sent is still the latest: a change meanwhile leaves it pending
        boolean completed = LEASE.complete(mongo,
                Criteria.where("_id").is(id).and(PersonDocument.CONTACT_REVISION).is(revision), owner,
                new Update().set(PersonDocument.CONTACT_PUBLISHED_REVISION, revision)
                        .set(PersonDocument.CONTACT_PENDING, false).inc(OutboxDocument.VERSION, 1L),
                PersonDocument.COLLECTION);
        if (!completed) {
            // the contact changed while we sent it (or the lease lapsed): still pending, sent again next pass
            release(id);
            return false;
        }
        return true;
    }

    /** The person's contact record as it is now, keyed by person id; a tombstone once the person is erased. */
    static Message<Object> message(Document person) {
        String personId = String.valueOf(person.get("_id"));
        Object value = Boolean.TRUE.equals(person.getBoolean("erased")) ? KafkaNull.INSTANCE
                : bytes(EventJson.write(new PersonContact(personId, person.getString("displayName"),
                        person.getString("email"), person.getString("preferredLanguage"),
                        person.getString("timeZone"))));
        return MessageBuilder.withPayload(value).setHeader(KafkaHeaders.KEY, bytes(personId)).build();
    }

    /** Through the binding's synchronous producer: returns once the broker acknowledged the record. */
    private void send(Message<Object> message) {
        if (!bridge.send(BINDING, message)) {
            throw new IllegalStateException("the binder refused a contact record");
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void release(Object id) {
        LEASE.release(mongo, id, owner, new Update().inc(OutboxDocument.VERSION, 1L), PersonDocument.COLLECTION);
    }

    private static long revisionOf(Document person) {
        Number revision = person.get(PersonDocument.CONTACT_REVISION, Number.class);
        return revision == null ? 0 : revision.longValue();
    }
}
