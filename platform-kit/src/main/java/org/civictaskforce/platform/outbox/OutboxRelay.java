package org.civictaskforce.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.civictaskforce.platform.audit.AuditLog;
import org.civictaskforce.platform.tracing.OutboxTracing;
import org.civictaskforce.platform.work.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.context.SmartLifecycle;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes the events waiting in aggregate documents' outboxes, then removes them.
 *
 * <p>Per document: claim it with a lease ({@link Lease}: {@code findAndModify}, so two replicas never relay the
 * same document at once), send its events in order through the binder's output binding
 * ({@link OutboxProperties#binding()}, a synchronous Kafka producer: idempotent, {@code acks=all}) so
 * that each send returns only once the broker acknowledged it, then pull exactly the sent events. A crash before the
 * pull re-sends them after the lease lapses; consumers absorb the duplicate. A crash before the send
 * loses nothing: the events are still in the document.
 *
 * <p>A save in this process wakes the relay at once ({@link #wake()}, from {@link OutboxWakeUp}); the
 * poll every {@code platform.outbox.poll-interval} stays as the safety net for what another replica or
 * a previous run of this one left behind.
 *
 * <p>Between the acknowledgement and the pull, each event is appended to the service's audit log
 * ({@link AuditLog}, keyed by event id), so every published change is audited exactly once. Keyed records for
 * compacted topics ({@link OutboxEvent.KeyedRecord}) leave through the same loop, on their own binding, and are not
 * audited: they repeat state, not a change, and the event beside them is in the log.
 */
public class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final Lease LEASE = new Lease(OutboxDocument.LEASE);

    private final MongoTemplate mongo;
    private final StreamBridge bridge;
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final OutboxProperties properties;
    private final Clock clock;
    private final AuditLog audit;
    private final OutboxTracing tracing;
    private final String owner = "relay-" + UUID.randomUUID();
    private final Counter published;
    private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();
    private final Clock wallClock = Clock.systemUTC();
    private final Timer lag;
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private volatile boolean stopping;

    public OutboxRelay(MongoTemplate mongo, StreamBridge bridge, OutboxProperties properties, Clock clock,
            MeterRegistry meters) {
        this(mongo, bridge, properties, clock, meters, new AuditLog(mongo));
    }

    public OutboxRelay(MongoTemplate mongo, StreamBridge bridge, OutboxProperties properties, Clock clock,
            MeterRegistry meters, AuditLog audit) {
        this(mongo, bridge, properties, clock, meters, audit, OutboxTracing.NONE);
    }

    /** Publishing each event continues the trace it was raised in ({@link OutboxTracing}). */
    public OutboxRelay(MongoTemplate mongo, StreamBridge bridge, OutboxProperties properties, Clock clock,
            MeterRegistry meters, AuditLog audit, OutboxTracing tracing) {
        this.mongo = mongo;
        this.audit = audit;
        this.tracing = tracing;
        this.bridge = bridge;
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("outbox.events.published").tag("topic", properties.topic())
                .description("events published from the outbox").register(meters);
        this.lag = Timer.builder("outbox.publish.lag").tag("topic", properties.topic())
                .description("time from an event being raised to the broker acknowledging it").register(meters);
    }

    @Override
    public void start() {
        // a stopped relay may be started again (a context's lifecycle restart; Spring's test context pausing)
        stopping = false;
        running = true;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::relayAllSafely, properties.pollInterval().toMillis(),
                properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        stopping = true;
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

    /**
     * Asks for a pass as soon as the relay thread is free: called after a save that added events, so
     * they leave in milliseconds instead of at the next poll. Requests made while one is pending are
     * folded into it; a request made during a pass causes one more pass.
     */
    public void wake() {
        ScheduledExecutorService current = executor;
        if (running && current != null && wakeRequested.compareAndSet(false, true)) {
            try {
                current.execute(() -> {
                    wakeRequested.set(false);
                    relayAllSafely();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                wakeRequested.set(false);
            }
        }
    }

    public String owner() {
        return owner;
    }

    private void relayAllSafely() {
        try {
            relayAll();
        } catch (RuntimeException e) {
            log.warn("outbox relay pass failed, will retry: {}", e.toString());
        }
    }

    /** One pass over every outbox collection; returns the number of events published. */
    public int relayAll() {
        int count = 0;
        for (String collection : properties.collections()) {
            Document claimed;
            while (!stopping && (claimed = claimNext(collection)) != null) {
                int published = publishClaimed(collection, claimed);
                if (published < 0) {
                    break; // the broker is not answering: leave the rest for the next pass
                }
                count += published;
            }
        }
        return count;
    }

    Document claimNext(String collection) {
        // the claim bumps the version too: a command that loaded the document before the claim must
        // not save over it (that would drop the lease, the $pull below would miss, and the events
        // already sent would go out a second time)
        return LEASE.claim(mongo, Criteria.where(OutboxDocument.OUTBOX + ".0").exists(true),
                new Update().inc(OutboxDocument.VERSION, 1L), owner, clock.instant(), properties.lease(),
                Document.class, collection);
    }

    private int publishClaimed(String collection, Document claimed) {
        List<Document> entries = claimed.getList(OutboxDocument.OUTBOX, Document.class);
        List<OutboxEvent> events = entries.stream()
                .map(d -> mongo.getConverter().read(OutboxEvent.class, d)).toList();
        try {
            for (OutboxEvent event : events) {
                send(event);
            }
            audit.append(collection, events.stream().filter(OutboxEvent::isEvent).toList(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("publishing outbox of a {} document failed, will retry: {}", collection, rootCause(e));
            release(collection, claimed.get("_id"));
            return -1;
        }
        afterPublish(collection, events);
        List<String> ids = events.stream().map(OutboxEvent::eventId).toList();
        LEASE.complete(mongo, claimed.get("_id"), owner, new Update()
                .pull(OutboxDocument.OUTBOX, new Document("eventId", new Document("$in", ids)))
                .inc(OutboxDocument.VERSION, 1L), collection);
        return events.size();
    }

    /** Hook between "broker acknowledged" and "events removed"; tests use it to simulate a crash there. */
    protected void afterPublish(String collection, List<OutboxEvent> events) {
    }

    private void send(OutboxEvent event) {
        String binding = event.isEvent() ? properties.binding() : event.keyed().binding();
        boolean sent;
        try {
            // the binding's producer is synchronous: send returns after the broker's acknowledgement; the binder's
            // producer observation, a child of this one, writes the trace context into the record's headers
            Message<?> message = event.isEvent() ? envelope(event) : keyedRecord(event);
            sent = tracing.publishing(event).observe(() -> bridge.send(binding, message));
        } catch (RuntimeException e) {
            throw new IllegalStateException("broker did not acknowledge event " + event.eventId(), e);
        }
        if (!sent) {
            throw new IllegalStateException("the binder refused event " + event.eventId());
        }
        lastSent.put(binding, wallClock.instant());
        published.increment();
        lag.record(Duration.between(event.time(), clock.instant()));
    }

    private static Message<byte[]> envelope(OutboxEvent event) {
        return MessageBuilder.withPayload(bytes(event.toEnvelopeJson()))
                .setHeader(KafkaHeaders.KEY, bytes(event.subject()))
                .setHeader("ce_id", bytes(event.eventId()))
                .setHeader("ce_type", bytes(event.type()))
                .setHeader("ce_correlationid", bytes(event.correlationId()))
                .build();
    }

    /** The record as stored, under its key; a tombstone (Kafka's null value) when it has no payload. */
    private static Message<?> keyedRecord(OutboxEvent event) {
        Object value = event.payload() == null ? KafkaNull.INSTANCE : bytes(event.payload());
        return MessageBuilder.withPayload(value).setHeader(KafkaHeaders.KEY, bytes(event.keyed().key())).build();
    }

    /**
     * When this relay last had a record acknowledged on {@code binding} (by the wall clock, as Kafka rolls segments),
     * if it has since it started.
     */
    public Optional<Instant> lastSent(String binding) {
        return Optional.ofNullable(lastSent.get(binding));
    }

    private void release(String collection, Object id) {
        LEASE.release(mongo, id, owner, new Update().inc(OutboxDocument.VERSION, 1L), collection);
    }

    private static String rootCause(Throwable e) {
        return e.getMessage() + " (" + NestedExceptionUtils.getMostSpecificCause(e) + ")";
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }
}
