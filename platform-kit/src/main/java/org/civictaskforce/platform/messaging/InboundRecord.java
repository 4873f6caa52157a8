package org.civictaskforce.platform.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;

/**
 * One consumed record as the handlers need it: where it came from (for log lines that name no person)
 * and its key and value as text. A tombstone has no value.
 */
public record InboundRecord(String topic, int partition, long offset, String key, String value) {

    /** From a message the Kafka binder delivered to a functional consumer. */
    public static InboundRecord of(Message<?> message) {
        var headers = message.getHeaders();
        Number partition = headers.get(KafkaHeaders.RECEIVED_PARTITION, Number.class);
        Number offset = headers.get(KafkaHeaders.OFFSET, Number.class);
        return new InboundRecord(headers.get(KafkaHeaders.RECEIVED_TOPIC, String.class),
                partition == null ? -1 : partition.intValue(), offset == null ? -1 : offset.longValue(),
                text(headers.get(KafkaHeaders.RECEIVED_KEY)), text(message.getPayload()));
    }

    public static InboundRecord of(ConsumerRecord<String, String> record) {
        return new InboundRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value());
    }

    public boolean tombstone() {
        return value == null;
    }

    /** {@code topic-partition@offset}: enough to find the record, nothing about its content. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }

    private static String text(Object value) {
        if (value == null || value instanceof KafkaNull) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}
