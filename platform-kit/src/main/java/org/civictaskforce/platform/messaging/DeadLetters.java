package org.civictaskforce.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads and re-drives the records this service's consumer group parked on its dead-letter topics.
 *
 * <p>Both operations stop at the end offsets they saw when they began, so a re-driven record that
 * fails again and is parked again is not picked up by the same re-drive (no loop). Listing reads from
 * the beginning and commits nothing. Re-driving uses its own consumer group and commits what it sent,
 * so each parked record is re-driven once: it goes back to the topic it came from with its key, value
 * and correlation header. Other consumer groups on that topic see it again and ignore it, because
 * every consumer is idempotent.
 */
public class DeadLetters {
    public record Parked(String deadLetterTopic, int partition, long offset, String originalTopic, String key,
            String eventId, String eventType, String reason, String exception, Instant parkedAt) {
    }

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final List<String> CARRIED_HEADERS = List.of(CorrelationRecordInterceptor.HEADER, "ce_id", "ce_type");

    /** A consumer binding's dead-letter topic, the topic it consumes, and its consumer group. */
    public record ParkedTopic(String deadLetterTopic, String sourceTopic, String group) {
    }

    private final Map<String, Object> consumerProperties;
    private final KafkaOperations<Object, Object> kafka;
    private final List<ParkedTopic> topics;

    public DeadLetters(Map<String, Object> consumerProperties, KafkaOperations<Object, Object> kafka,
            List<ParkedTopic> topics) {
        this.consumerProperties = consumerProperties;
        this.kafka = kafka;
        this.topics = List.copyOf(topics);
    }

    /** The dead-letter topics of this service's consumer bindings, from their configuration. */
    public static List<ParkedTopic> parkedTopics(BindingServiceProperties bindings, Environment environment) {
        // the binder's Kafka binding properties live in its own context: read the two that matter here
        boolean parkByDefault = environment.getProperty("spring.cloud.stream.kafka.default.consumer.enable-dlq",
                Boolean.class, false);
        List<ParkedTopic> parked = new ArrayList<>();
        bindings.getBindings().forEach((name, binding) -> {
            if (!name.contains("-in-") || binding.getDestination() == null || binding.getDestination().isBlank()) {
                return;
            }
            String prefix = "spring.cloud.stream.kafka.bindings." + name + ".consumer.";
            boolean park = environment.getProperty(prefix + "enable-dlq", Boolean.class, parkByDefault);
            String deadLetterTopic = environment.getProperty(prefix + "dlq-name");
            if (park && deadLetterTopic != null) {
                parked.add(new ParkedTopic(deadLetterTopic, binding.getDestination(), bindings.getGroup(name)));
            }
        });
        return parked;
    }

    public List<String> deadLetterTopics() {
        return topics.stream().map(ParkedTopic::deadLetterTopic).distinct().toList();
    }

    private String group() {
        return topics.isEmpty() ? "none" : topics.get(0).group();
    }

    public List<Parked> list() {
        List<Parked> parked = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(group() + "-dlt-browser")) {
            readUpToCurrentEnd(consumer, false, record -> parked.add(describe(record)));
        }
        return parked;
    }

    /** Sends every parked record not yet re-driven back to its original topic, once; returns how many. */
    public int redrive() {
        int[] count = { 0 };
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(group() + "-dlt-redrive")) {
            Map<TopicPartition, OffsetAndMetadata> progress = readUpToCurrentEnd(consumer, true, record -> {
                sendBack(record);
                count[0]++;
            });
            if (!progress.isEmpty()) {
                consumer.commitSync(progress);
            }
        }
        return count[0];
    }

    private Map<TopicPartition, OffsetAndMetadata> readUpToCurrentEnd(KafkaConsumer<byte[], byte[]> consumer,
            boolean fromCommitted, Consumer<ConsumerRecord<byte[], byte[]>> action) {
        List<TopicPartition> partitions = deadLetterTopics().stream()
                .flatMap(topic -> consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())))
                .toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = fromCommitted
                ? consumer.committed(new HashSet<>(partitions)) : Map.of();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            if (done == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, done.offset());
            }
        }
        Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline
                && !end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= end.get(partition)) {
                    continue; // parked after this pass began, possibly by this very re-drive
                }
                action.accept(record);
                progress.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        return progress;
    }

    private void sendBack(ConsumerRecord<byte[], byte[]> record) {
        String original = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (original == null) {
            original = topics.stream().filter(t -> t.deadLetterTopic().equals(record.topic()))
                    .map(ParkedTopic::sourceTopic).findFirst().orElseThrow();
        }
        ProducerRecord<Object, Object> again = new ProducerRecord<>(original, record.key(), record.value());
        for (String name : CARRIED_HEADERS) {
            Header header = record.headers().lastHeader(name);
            if (header != null) {
                again.headers().add(header);
            }
        }
        try {
            kafka.send(again).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-driving", e);
        } catch (Exception e) {
            throw new IllegalStateException("re-drive failed", e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(String groupId) {
        Properties props = new Properties();
        props.putAll(consumerProperties);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(props);
    }

    private static Parked describe(ConsumerRecord<byte[], byte[]> record) {
        return new Parked(record.topic(), record.partition(), record.offset(),
                header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), header(record, "ce_id"),
                header(record, "ce_type"), header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                header(record, KafkaHeaders.DLT_EXCEPTION_FQCN), Instant.ofEpochMilli(record.timestamp()));
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
