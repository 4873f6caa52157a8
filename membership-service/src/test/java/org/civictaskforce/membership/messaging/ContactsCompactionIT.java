package org.civictaskforce.membership.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.membership.Api;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the outside privacy test found: after erasure the tombstone was written, but the person's name and
 * e-mail stayed readable on the contacts topic for ever, because a quiet topic's open segment is never
 * compacted. On the real (embedded) broker, with the bound shortened to seconds: after erasure and the
 * bound, a consumer reading the topic from the beginning finds nothing of the person.
 *
 * <p>The topic is created here before the service starts, with the broker's defaults (delete, 7-day
 * segments), as an older version of the service would have found it: start-up must alter it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "membership.contacts-topic.segment=2s", "membership.contacts-topic.max-compaction-lag=2s",
        "membership.contacts-topic.min-cleanable-dirty-ratio=0.01",
        // its own broker (not as a system property, which would outlive this class and redirect others)
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}" })
@EmbeddedKafka(partitions = Topics.PARTITIONS, topics = Topics.MEMBERSHIP_CONTACTS,
        brokerProperties = "log.cleaner.backoff.ms=200")
class ContactsCompactionIT {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("membership-compaction-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void anExistingTopicGetsTheCompactionSettingsAtStartUp() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.MEMBERSHIP_CONTACTS);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config.get("segment.ms").value()).isEqualTo("2000");
            assertThat(config.get("max.compaction.lag.ms").value()).isEqualTo("2000");
            assertThat(config.get("min.cleanable.dirty.ratio").value()).isEqualTo("0.01");
            assertThat(config.get("delete.retention.ms").value()).isEqualTo("86400000");
        }
    }

    @Test
    void afterErasureAndTheBoundNothingOfThePersonIsReadableOnTheTopic() {
        Api api = new Api(port);
        String name = "Gulnara Compactable " + UUID.randomUUID();
        String email = "gulnara-" + UUID.randomUUID() + "@example.org";
        String id = api.expect(201, api.post("/api/membership/people", Api.person(name, email, "TM", "ru",
                "Asia/Ashgabat"))).json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> readAll().stream()
                .anyMatch(r -> r.value() != null && r.value().contains(email)));

        api.expect(202, api.post("/api/membership/people/" + id + "/erasure", null));

        // the bound here: segment 2 s + marker check 1 s + compaction lag 2 s + cleaner back-off 0.2 s
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = readAll();
            assertThat(records).as("the tombstone is there").anyMatch(r -> id.equals(r.key()) && r.value() == null);
            assertThat(records).noneMatch(r -> r.value() != null
                    && (r.value().contains(email) || r.value().contains(name)));
        });
    }

    /** Every record the topic still holds, read from the beginning by a fresh consumer. */
    private List<ConsumerRecord<String, String>> readAll() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MEMBERSHIP_CONTACTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
