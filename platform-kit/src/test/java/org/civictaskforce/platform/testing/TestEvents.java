package org.civictaskforce.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventSchemas;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Publishes events in tests exactly as a producing service's outbox relay does: the envelope as JSON
 * (checked against the published schemas first), key = aggregate id, CloudEvents headers.
 */
public final class TestEvents {
    private TestEvents() {
    }

    public static void publish(KafkaOperations<String, String> kafka, String topic, EventEnvelope envelope) {
        String json = EventJson.write(envelope);
        assertThat(EventSchemas.violations(json)).as("the test event honours the published contract").isEmpty();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, envelope.subject(), json);
        record.headers().add("ce_id", envelope.id().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", envelope.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_correlationid", envelope.correlationid().getBytes(StandardCharsets.UTF_8));
        send(kafka, record);
    }

    public static void send(KafkaOperations<String, String> kafka, ProducerRecord<String, String> record) {
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the broker did not take the record", e);
        }
    }
}
