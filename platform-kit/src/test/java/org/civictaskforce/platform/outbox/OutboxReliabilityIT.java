package org.civictaskforce.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.platform.outbox.KitTestApplication.WidgetChanged;
import org.civictaskforce.platform.outbox.KitTestApplication.WidgetDocument;
import org.civictaskforce.platform.outbox.KitTestApplication.Widgets;
import org.civictaskforce.platform.messaging.MalformedEventException;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The four promises of the event backbone, against a real Kafka broker (embedded KRaft) and the
 * MongoDB-wire-compatible store: nothing lost when the process dies before publishing, nothing done
 * twice when it dies after publishing, two relays together keep every event and its per-aggregate
 * order, and a poison event is parked while the consumer goes on.
 *
 * <p>The relays here are created by the test (the application's own relay is switched off), so the
 * test decides exactly when a "process" writes, publishes or dies.
 */
@SpringBootTest(classes = KitTestApplication.class)
@EmbeddedKafka(partitions = 3, topics = { KitTestApplication.TOPIC,
        "kit-test.events.v1.kit-test.dlt" }, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@org.springframework.test.context.TestPropertySource("classpath:kit-test.properties")
class OutboxReliabilityIT {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("kit-" + UUID.randomUUID()));
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Widgets widgets;
    @Autowired
    DomainEvents domainEvents;
    @Autowired
    KafkaTemplate<?, ?> kafkaTemplate;
    @Autowired
    org.springframework.cloud.stream.function.StreamBridge bridge;
    @Autowired
    OutboxProperties properties;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @org.springframework.beans.factory.annotation.Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void processDiesAfterStateWriteBeforePublishing_eventIsPublishedAfterRestart() {
        String id = UUID.randomUUID().toString();
        org.civictaskforce.platform.web.CorrelationId.set("request-" + id);
        try {
            save(id, 1);
        } finally {
            org.civictaskforce.platform.web.CorrelationId.clear();
        }
        // the process "died" here: state and event are stored, no relay ran

        assertThat(publishedFor(id, Duration.ofSeconds(2), 1)).isEmpty();

        OutboxRelay afterRestart = relay(properties);
        assertThat(afterRestart.relayAll()).isEqualTo(1);

        List<ConsumerRecord<String, String>> published = publishedFor(id, Duration.ofSeconds(15), 1);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).key()).isEqualTo(id);
        assertThat(widgets.findById(id).orElseThrow().getOutbox()).isEmpty();
        awaitApplied(id, 1);
        assertThat(view(id).getString("lastCorrelationId")).as("the request's correlation id crossed Kafka")
                .isEqualTo("request-" + id);
    }

    @Test
    void processDiesAfterPublishingBeforeRemoving_consumerSeesItTwiceAndAppliesItOnce() {
        String id = UUID.randomUUID().toString();
        save(id, 1);
        OutboxProperties shortLease = new OutboxProperties(false, properties.topic(), properties.binding(), properties.collections(),
                properties.pollInterval(), Duration.ofMillis(300));
        OutboxRelay dying = new OutboxRelay(mongo, bridge, shortLease, Clock.systemUTC(), new SimpleMeterRegistry()) {
            @Override
            protected void afterPublish(String collection, List<OutboxEvent> events) {
                throw new IllegalStateException("simulated crash between publish and removal");
            }
        };
        try {
            dying.relayAll();
        } catch (IllegalStateException expected) {
            // the "process" died after the broker acknowledged
        }
        assertThat(widgets.findById(id).orElseThrow().getOutbox()).hasSize(1);

        // after restart and once the dead relay's lease has lapsed, the event goes out again
        await().atMost(Duration.ofSeconds(10)).until(() -> relay(shortLease).relayAll() == 1);

        List<ConsumerRecord<String, String>> published = publishedFor(id, Duration.ofSeconds(15), 2);
        assertThat(published).hasSize(2);
        assertThat(EventJson.readEnvelope(published.get(0).value()).id())
                .isEqualTo(EventJson.readEnvelope(published.get(1).value()).id());
        awaitApplied(id, 1);
        // give the duplicate time to arrive and be ignored
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(view(id).getInteger("applied")).isEqualTo(1));
        assertThat(widgets.findById(id).orElseThrow().getOutbox()).isEmpty();
    }

    @Test
    void twoRelaysAtOnce_everyEventPublishedInPerAggregateOrder() throws Exception {
        int aggregates = 20;
        int eventsEach = 6;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            ids.add("two-relays-" + UUID.randomUUID());
        }
        OutboxRelay first = relay(properties);
        OutboxRelay second = relay(properties);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(2);
        for (OutboxRelay relay : List.of(first, second)) {
            pool.submit(() -> {
                try {
                    while (writing.get()) {
                        relay.relayAll();
                    }
                    relay.relayAll();
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    done.countDown();
                }
            });
        }
        // the application keeps changing the aggregates while both relays run
        pool.submit(() -> {
            try {
                for (int seq = 1; seq <= eventsEach; seq++) {
                    for (String id : ids) {
                        int s = seq;
                        OptimisticRetry.run(() -> save(id, s));
                    }
                }
            } catch (Throwable t) {
                failures.add(t);
            } finally {
                writing.set(false);
            }
        });
        assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
        pool.shutdownNow();
        assertThat(failures).isEmpty();
        // anything a relay left (e.g. a lease it lost to the other) is picked up by a later pass
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            relay(properties).relayAll();
            return ids.stream().allMatch(id -> widgets.findById(id).orElseThrow().getOutbox().isEmpty());
        });

        List<ConsumerRecord<String, String>> all = TopicReader.read(bootstrap, KitTestApplication.TOPIC,
                records -> distinctSeqs(records, ids) >= aggregates * eventsEach, Duration.ofSeconds(30));
        Map<String, List<Integer>> firstSeen = new LinkedHashMap<>();
        Map<String, Integer> partitionOf = new HashMap<>();
        for (ConsumerRecord<String, String> record : all) {
            if (!ids.contains(record.key())) {
                continue;
            }
            int seq = EventJson.readEnvelope(record.value()).dataAs(WidgetChanged.class).seq();
            List<Integer> seen = firstSeen.computeIfAbsent(record.key(), k -> new ArrayList<>());
            if (!seen.contains(seq)) {
                seen.add(seq);
            }
            assertThat(partitionOf.computeIfAbsent(record.key(), k -> record.partition())).isEqualTo(record.partition());
        }
        List<Integer> expected = java.util.stream.IntStream.rangeClosed(1, eventsEach).boxed().toList();
        for (String id : ids) {
            assertThat(firstSeen.get(id)).as("events of %s in first-delivery order", id).isEqualTo(expected);
        }
        for (String id : ids) {
            awaitAppliedSequence(id, expected);
        }
    }

    @Test
    void poisonEventIsParkedOnTheDeadLetterTopicAndTheConsumerGoesOn() {
        String poisoned = "poison-" + UUID.randomUUID();
        String healthy = "healthy-" + UUID.randomUUID();
        double parkedBefore = parkedCount();
        WidgetDocument bad = new WidgetDocument(poisoned);
        bad.append(List.of(domainEvents.wrap(poisoned, new WidgetChanged(poisoned, 1, true))));
        widgets.save(bad);
        relay(properties).relayAll();
        save(healthy, 1);
        relay(properties).relayAll();

        List<ConsumerRecord<String, String>> parked = TopicReader.read(bootstrap, "kit-test.events.v1.kit-test.dlt",
                records -> records.stream().anyMatch(r -> poisoned.equals(r.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = parked.stream().filter(r -> poisoned.equals(r.key())).findFirst()
                .orElseThrow();
        assertThat(new String(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value()))
                .contains("cannot be processed");
        assertThat(new String(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).value()))
                .isEqualTo(KitTestApplication.TOPIC);
        awaitApplied(healthy, 1);
        assertThat(view(poisoned)).isNull();
        // the alert rules watch this counter (consumer_records_parked_total)
        assertThat(parkedCount()).isGreaterThanOrEqualTo(parkedBefore + 1);
    }

    private double parkedCount() {
        io.micrometer.core.instrument.Counter parked = meters.find("consumer.records.parked")
                .tag("topic", "kit-test.events.v1.kit-test.dlt").counter();
        return parked == null ? 0 : parked.count();
    }

    @Test
    void malformedRecordIsParkedWithoutRetrying() throws Exception {
        String key = "malformed-" + UUID.randomUUID();
        kafka().send(KitTestApplication.TOPIC, key, "{not json").get(10, TimeUnit.SECONDS);
        List<ConsumerRecord<String, String>> parked = TopicReader.read(bootstrap, "kit-test.events.v1.kit-test.dlt",
                records -> records.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = parked.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        // the handler's own exception, not the container's or the binder's wrapper
        assertThat(new String(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN).value()))
                .isEqualTo(MalformedEventException.class.getName());
        assertThat(new String(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value()))
                .contains("not an event envelope");
    }

    private long distinctSeqs(List<ConsumerRecord<String, String>> records, List<String> ids) {
        return records.stream().filter(r -> ids.contains(r.key()))
                .map(r -> EventJson.readEnvelope(r.value()).id()).distinct().count();
    }

    private WidgetDocument save(String id, int seq) {
        WidgetDocument doc = widgets.findById(id).orElseGet(() -> new WidgetDocument(id));
        doc.setSeq(seq);
        doc.append(List.of(domainEvents.wrap(id, new WidgetChanged(id, seq, false))));
        return widgets.save(doc);
    }

    @SuppressWarnings("unchecked")
    private KafkaOperations<String, String> kafka() {
        return (KafkaOperations<String, String>) kafkaTemplate;
    }

    private OutboxRelay relay(OutboxProperties props) {
        return new OutboxRelay(mongo, bridge, props, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    private List<ConsumerRecord<String, String>> publishedFor(String id, Duration wait, int expected) {
        return TopicReader.read(bootstrap, KitTestApplication.TOPIC,
                records -> records.stream().filter(r -> id.equals(r.key())).count() >= expected, wait)
                .stream().filter(r -> id.equals(r.key())).toList();
    }

    private Document view(String id) {
        return mongo.getCollection("widget_view").find(new Document("_id", id)).first();
    }

    private void awaitApplied(String id, int times) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Document view = view(id);
            assertThat(view).isNotNull();
            assertThat(view.getInteger("applied")).isEqualTo(times);
        });
    }

    private void awaitAppliedSequence(String id, List<Integer> expected) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(KitTestApplication.sequence(view(id))).isEqualTo(expected));
    }

    @SuppressWarnings("unused")
    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
