package org.civictaskforce.accesstokens;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.MemberRemoved;
import org.civictaskforce.contracts.membership.PersonErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code membership.events.v1} and revokes the tokens of people who were erased or removed,
 * from the moment the event says it happened.
 *
 * <p>It reads without a consumer group: every replica of every process sees every event, and each start
 * begins at the events of the last {@link RevokedSubjects#window() window} (found by time), so a restart
 * knows every revocation whose tokens could still be valid. Nothing is committed, nothing is stored.
 * Its own daemon thread; a broker that is not up yet is waited for quietly; {@link #close()} stops it.
 * Records are read as envelopes only to take the type and the person id: nothing else is kept or logged.
 */
public final class RevocationFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final String bootstrapServers;
    private final String clientId;
    private final RevokedSubjects revoked;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;

    public RevocationFeed(String bootstrapServers, String clientId, RevokedSubjects revoked, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.revoked = revoked;
        this.clock = clock;
        this.thread = new Thread(this::run, "revocation-feed");
        this.thread.setDaemon(true);
    }

    public RevocationFeed start() {
        thread.start();
        return this;
    }

    private void run() {
        boolean warned = false;
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties())) {
                consumer = kafka;
                List<TopicPartition> partitions = partitions(kafka);
                if (partitions.isEmpty()) {
                    pause(); // the topic does not exist yet: membership-service creates it
                    continue;
                }
                kafka.assign(partitions);
                seekToWindow(kafka, partitions);
                if (warned) {
                    log.info("Revocation feed connected to the broker again");
                    warned = false;
                }
                while (running) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofSeconds(1))) {
                        take(record.value());
                    }
                }
            } catch (WakeupException e) {
                // close() asked us to stop
            } catch (KafkaException e) {
                if (!warned) {
                    log.warn("Revocation feed cannot read {} yet ({}); retrying", Topics.MEMBERSHIP_EVENTS,
                            e.getClass().getSimpleName());
                    warned = true;
                }
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> kafka) {
        List<PartitionInfo> infos = kafka.partitionsFor(Topics.MEMBERSHIP_EVENTS, Duration.ofSeconds(5));
        return infos == null ? List.of()
                : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private void seekToWindow(KafkaConsumer<String, String> kafka, List<TopicPartition> partitions) {
        long from = clock.instant().minus(revoked.window()).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, from));
        Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(times, Duration.ofSeconds(5));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                kafka.seekToEnd(List.of(partition)); // nothing in the window on this partition
            } else {
                kafka.seek(partition, offset.offset());
            }
        }
    }

    void take(String value) {
        if (value == null) {
            return;
        }
        EventEnvelope event;
        try {
            event = EventJson.readEnvelope(value);
        } catch (RuntimeException malformed) {
            return; // the consumers with a group park malformed records; here they are simply not revocations
        }
        try {
            if (event.is(PersonErased.class)) {
                PersonErased erased = event.dataAs(PersonErased.class);
                revoked.revoke(erased.personId(), erased.erasedAt() != null ? erased.erasedAt() : event.time());
            } else if (event.is(MemberRemoved.class)) {
                MemberRemoved removed = event.dataAs(MemberRemoved.class);
                revoked.revoke(removed.personId(), removed.removedAt() != null ? removed.removedAt() : event.time());
            }
        } catch (RuntimeException malformed) {
            // a payload that does not match its type: ignored here, parked by the services' consumers
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        return p;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup(); // ends a poll at once; the consumer then closes cleanly
        }
        try {
            thread.join(3000);
            if (thread.isAlive()) {
                thread.interrupt(); // still waiting for a broker that is not there
                thread.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
