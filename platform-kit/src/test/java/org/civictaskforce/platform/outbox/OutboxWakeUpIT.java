package org.civictaskforce.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.civictaskforce.platform.outbox.KitTestApplication.WidgetChanged;
import org.civictaskforce.platform.outbox.KitTestApplication.WidgetDocument;
import org.civictaskforce.platform.outbox.KitTestApplication.Widgets;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The fast path: a save in this process wakes the application's own relay, so the event reaches the
 * broker and its consumer without waiting for the poll — here an hour, so only the wake-up can publish.
 */
@SpringBootTest(classes = KitTestApplication.class, properties = { "platform.outbox.enabled=true",
        "platform.outbox.poll-interval=1h" })
@EmbeddedKafka(partitions = 3, topics = { KitTestApplication.TOPIC,
        "kit-test.events.v1.kit-test.dlt" }, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource("classpath:kit-test.properties")
class OutboxWakeUpIT {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("kit-wake-" + UUID.randomUUID()));
    }

    @Autowired
    Widgets widgets;
    @Autowired
    DomainEvents domainEvents;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;

    @Test
    void aSaveWakesTheRelaySoTheEventIsPublishedWithoutWaitingForThePoll() {
        for (int seq = 1; seq <= 3; seq++) {
            String id = "woken-" + seq + "-" + UUID.randomUUID();
            WidgetDocument widget = new WidgetDocument(id);
            widget.setSeq(seq);
            widget.append(List.of(domainEvents.wrap(id, new WidgetChanged(id, seq, false))));
            widgets.save(widget);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Document view = mongo.getCollection("widget_view").find(new Document("_id", id)).first();
                assertThat(view).isNotNull();
                assertThat(view.getInteger("applied")).isEqualTo(1);
            });
            // and the relay removed it from the outbox
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(widgets.findById(id).orElseThrow().getOutbox()).isEmpty());
        }
    }

    /** A stopped relay started again publishes again (seen: Spring's test context pausing left it idle for ever). */
    @Test
    void aRelayStoppedAndStartedAgainPublishesAgain() {
        relay.stop();
        relay.start();
        String id = "restarted-" + UUID.randomUUID();
        WidgetDocument widget = new WidgetDocument(id);
        widget.setSeq(1);
        widget.append(List.of(domainEvents.wrap(id, new WidgetChanged(id, 1, false))));
        widgets.save(widget);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(widgets.findById(id).orElseThrow().getOutbox()).isEmpty());
    }
}
