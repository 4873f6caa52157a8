package org.civictaskforce.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civictaskforce.contracts.Topics;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads and re-drives the records this service's consumer group parked on its dead-letter topics.
 *
 * <p>Listing reads the parked records from the beginning without committing anything. Re-driving
 * uses its own consumer group, so each parked record is re-driven once: it is sent back to the
 * topic it came from with its key, value and correlation header. Other consumer groups on that topic
 * see it again and ignore it, because every consumer is idempotent.
 */
public class DeadLetters {
    public record Parked(String deadLetterTopic, int partition, long offset, String originalTopic, String key,
            String eventId, String eventType, String reason, String exception, Instant parkedAt) {
    }

    private final Map<String, Object> consumerProperties;
    private final KafkaOperations<String, String> kafka;
    private final String group;
    private final List<String> sourceTopics;

    public DeadLetters(Map<String, Object> consumerProperties, KafkaOperations<String, String> kafka, String group,
            List<String> sourceTopics) {
        this.consumerProperties = consumerProperties;
        this.kafka = kafka;
        this.group = group;
        this.sourceTopics = sourceTopics;
    }

    public List<String> deadLetterTopics() {
        return sourceTopics.stream().map(t -> Topics.deadLetter(t, group)).toList();
    }

    public List<Parked> list() {
        List<Parked> parked = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(group + "-dlt-browser-" + System.nanoTime(), false)) {
            drain(consumer, record -> parked.add(describe(record)));
        }
        return parked;
    }

    /** Sends every record not yet re-driven back to its original topic; returns how many. */
    public int redrive() {
        int[] count = {0};
        try (KafkaConsumer<String, String> consumer = consumer(group + "-dlt-redrive", true)) {
            drain(consumer, record -> {
                String original = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
                ProducerRecord<String, String> again = new ProducerRecord<>(
                        original != null ? original : record.topic().replace("." + group + ".dlt", ""),
                        record.key(), record.value());
                Header correlation = record.headers().lastHeader(CorrelationRecordInterceptor.HEADER);
                if (correlation != null) {
                    again.headers().add(correlation);
                }
                for (String name : List.of("ce_id", "ce_type")) {
                    Header h = record.headers().lastHeader(name);
                    if (h != null) {
                        again.headers().add(h);
                    }
                }
                try {
                    kafka.send(again).get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("re-drive failed", e);
                }
                count[0]++;
            });
            consumer.commitSync();
        }
        return count[0];
    }

    private void drain(KafkaConsumer<String, String> consumer, java.util.function.Consumer<ConsumerRecord<String, String>> action) {
        consumer.subscribe(deadLetterTopics());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int emptyPolls = 0;
        while (System.nanoTime() < deadline && emptyPolls < 3) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            if (records.isEmpty()) {
                if (!consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                continue;
            }
            emptyPolls = 0;
            records.forEach(action);
        }
    }

    private KafkaConsumer<String, String> consumer(String groupId, boolean commit) {
        Properties props = new Properties();
        props.putAll(consumerProperties);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(props);
    }

    private static Parked describe(ConsumerRecord<String, String> record) {
        return new Parked(record.topic(), record.partition(), record.offset(),
                header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC), record.key(), header(record, "ce_id"),
                header(record, "ce_type"), header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                header(record, KafkaHeaders.DLT_EXCEPTION_FQCN), Instant.ofEpochMilli(record.timestamp()));
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static Map<String, Object> copy(Map<String, Object> map) {
        return new HashMap<>(map);
    }
}
