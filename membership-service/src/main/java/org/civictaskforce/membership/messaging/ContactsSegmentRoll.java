package org.civictaskforce.membership.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.civictaskforce.contracts.Topics;
import org.civictaskforce.membership.application.PersonStore;
import org.civictaskforce.platform.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Keeps the compacted contacts topic forgetting: compaction never touches the open segment, and a segment closes
 * only when a record is appended after {@code segment.ms}. On a quiet topic an erased person's tombstone — and the
 * contact record it supersedes — could therefore stay readable for ever.
 *
 * <p>The contact records themselves leave through the outbox relay ({@link PersonStore#CONTACTS_BINDING}). Once
 * {@code segment} has passed since the relay last appended one (and once after every start, since a record written
 * before a restart may sit in an open segment too), this appends one marker per partition — a tombstone under
 * {@link Topics#CONTACTS_SEGMENT_ROLL_KEY}, which consumers skip — so the segment holding the tombstone closes and
 * the cleaner removes the record.
 */
public class ContactsSegmentRoll implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ContactsSegmentRoll.class);

    private final StreamBridge bridge;
    private final KafkaAdmin admin;
    private final OutboxRelay relay;
    private final Duration segment;
    /** Kafka rolls segments by the wall clock, whatever clock the service is given. */
    private final Clock wallClock = Clock.systemUTC();
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private volatile Instant started;
    private volatile Instant lastMarker;

    /** {@code relay}: this process's outbox relay, {@code null} where it relays nothing (then it appends nothing). */
    public ContactsSegmentRoll(StreamBridge bridge, KafkaAdmin admin, OutboxRelay relay, Duration segment) {
        this.bridge = bridge;
        this.admin = admin;
        this.relay = relay;
        this.segment = segment;
    }

    @Override
    public void start() {
        running = true;
        if (relay == null) {
            return;
        }
        started = wallClock.instant();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "contacts-segment-roll");
            t.setDaemon(true);
            return t;
        });
        long check = Math.max(100, segment.toMillis() / 2);
        executor.scheduleWithFixedDelay(this::rollSegmentSafely, check, check, TimeUnit.MILLISECONDS);
    }

    void rollSegmentSafely() {
        Instant published = relay.lastSent(PersonStore.CONTACTS_BINDING).filter(started::isBefore).orElse(started);
        Instant now = wallClock.instant();
        if ((lastMarker != null && lastMarker.isAfter(published))
                || now.isBefore(published.plus(segment).plusMillis(100))) {
            return;
        }
        try {
            // each partition has its own segments: one marker in every partition
            int partitions = admin.describeTopics(Topics.MEMBERSHIP_CONTACTS).get(Topics.MEMBERSHIP_CONTACTS)
                    .partitions().size();
            for (int partition = 0; partition < partitions; partition++) {
                boolean sent = bridge.send(PersonStore.CONTACTS_BINDING, MessageBuilder
                        .withPayload((Object) KafkaNull.INSTANCE)
                        .setHeader(KafkaHeaders.KEY, Topics.CONTACTS_SEGMENT_ROLL_KEY.getBytes(StandardCharsets.UTF_8))
                        .setHeader(KafkaHeaders.PARTITION, partition).build());
                if (!sent) {
                    throw new IllegalStateException("the binder refused a segment-roll marker");
                }
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
}
