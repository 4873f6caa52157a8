package org.civictaskforce.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

    @TempDir
    Path dataDir;

    @Test
    void producesAndConsumesAndKeepsRecordsAcrossARestart() throws Exception {
        int[] ports = Ports.freePorts(2);
        String topic = "devstack.test.v1";
        String value = "привет, Алматы — " + UUID.randomUUID();
        String clusterId;

        KafkaBroker broker = new KafkaBroker(dataDir, ports[0], ports[1]);
        try {
            long t = System.nanoTime();
            broker.start();
            System.out.printf("Kafka first start (format + start): %d ms%n", (System.nanoTime() - t) / 1_000_000);
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + ports[0]);
            clusterId = Files.readString(dataDir.resolve("cluster.id")).trim();
            assertThat(dataDir.resolve("logs/meta.properties")).exists();

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                    new StringSerializer(), new StringSerializer())) {
                RecordMetadata meta = producer.send(new ProducerRecord<>(topic, "person-1", value)).get();
                assertThat(meta.topic()).isEqualTo(topic);
            }
            assertThat(consumeAll(broker.bootstrapServers(), topic)).contains(value);
        } finally {
            long t = System.nanoTime();
            broker.stop();
            System.out.printf("Kafka stop: %d ms%n", (System.nanoTime() - t) / 1_000_000);
        }
        assertThat(broker.isRunning()).isFalse();
        assertThat(Ports.isFree(ports[0])).isTrue();

        KafkaBroker again = new KafkaBroker(dataDir, ports[0], ports[1]);
        try {
            long t = System.nanoTime();
            again.start();
            System.out.printf("Kafka second start (existing data): %d ms%n", (System.nanoTime() - t) / 1_000_000);
            assertThat(Files.readString(dataDir.resolve("cluster.id")).trim()).isEqualTo(clusterId);
            assertThat(consumeAll(again.bootstrapServers(), topic)).contains(value);
        } finally {
            again.stop();
        }
    }

    private static List<String> consumeAll(String bootstrap, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
