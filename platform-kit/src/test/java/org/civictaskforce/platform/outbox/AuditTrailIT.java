package org.civictaskforce.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.platform.audit.AuditLog;
import org.civictaskforce.platform.outbox.KitTestApplication.WidgetChanged;
import org.civictaskforce.platform.outbox.KitTestApplication.WidgetDocument;
import org.civictaskforce.platform.outbox.KitTestApplication.Widgets;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.platform.web.Actor;
import org.civictaskforce.platform.web.CorrelationId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail: every event the relay publishes becomes exactly one audit entry (also when the
 * relay dies after publishing and publishes again), with the actor and correlation id of the request
 * that raised it, ids only; {@code GET /admin/audit} filters and pages it, newest first.
 */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3, topics = { KitTestApplication.TOPIC,
        "kit-test.events.v1.kit-test.dlt" }, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource("classpath:kit-test.properties")
class AuditTrailIT {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("kit-audit-" + UUID.randomUUID()));
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Widgets widgets;
    @Autowired
    DomainEvents domainEvents;
    @Autowired
    org.springframework.cloud.stream.function.StreamBridge bridge;
    @Autowired
    OutboxProperties properties;
    @LocalServerPort
    int port;

    @Test
    void everyPublishedEventIsAuditedOnceWithActorAndCorrelationEvenAfterACrashAndARepublish() {
        String id = "w-" + UUID.randomUUID();
        CorrelationId.set("req-" + id);
        Actor.set("coordinator-7");
        try {
            save(id, 1);
            save(id, 2);
        } finally {
            CorrelationId.clear();
            Actor.clear();
        }
        save(id, 3); // outside a request: the system acted
        List<String> eventIds = widgets.findById(id).orElseThrow().getOutbox().stream().map(OutboxEvent::eventId)
                .toList();

        OutboxProperties shortLease = new OutboxProperties(false, properties.topic(), properties.binding(), properties.collections(),
                properties.pollInterval(), Duration.ofMillis(200));
        OutboxRelay dying = new OutboxRelay(mongo, bridge, shortLease, Clock.systemUTC(), new SimpleMeterRegistry()) {
            @Override
            protected void afterPublish(String collection, List<OutboxEvent> events) {
                throw new IllegalStateException("simulated crash between publish and removal");
            }
        };
        try {
            dying.relayAll();
        } catch (IllegalStateException expected) {
            // died after the broker acknowledged
        }
        // the restarted relay's clock is past the dead one's lease (instead of waiting for it)
        OutboxRelay restarted = new OutboxRelay(mongo, bridge, shortLease,
                Clock.offset(Clock.systemUTC(), shortLease.lease().plusSeconds(1)),
                new SimpleMeterRegistry());
        assertThat(restarted.relayAll()).isEqualTo(3);

        List<Document> entries = mongo.getCollection(AuditLog.COLLECTION)
                .find(new Document("subject", id)).into(new java.util.ArrayList<>());
        assertThat(entries).extracting(d -> d.getString("_id")).containsExactlyInAnyOrderElementsOf(eventIds);
        Document first = entries.stream().filter(d -> d.getString("_id").equals(eventIds.get(0))).findFirst()
                .orElseThrow();
        assertThat(first.getString("actor")).isEqualTo("coordinator-7");
        assertThat(first.getString("correlationId")).isEqualTo("req-" + id);
        assertThat(first.getString("type")).isEqualTo("org.civictaskforce.kittest.widget.changed");
        assertThat(first.getString("collection")).isEqualTo("widgets");
        assertThat(first.containsKey("payload")).as("ids only, no payload").isFalse();
        Document third = entries.stream().filter(d -> d.getString("_id").equals(eventIds.get(2))).findFirst()
                .orElseThrow();
        assertThat(third.getString("actor")).isEqualTo(Actor.SYSTEM);

        // the published envelope carries no actor
        assertThat(widgets.findById(id).orElseThrow().getOutbox()).isEmpty();

        JsonNode page = get("/admin/audit?subject=" + id + "&size=2");
        assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(3);
        assertThat(page.get("content")).hasSize(2);
        assertThat(page.get("content").get(0).get("eventId").asString()).as("newest first").isEqualTo(eventIds.get(2));
        assertThat(page.get("content").get(1).get("eventId").asString()).isEqualTo(eventIds.get(1));
        assertThat(page.get("content").get(1).get("actor").asString()).isEqualTo("coordinator-7");
        JsonNode second = get("/admin/audit?subject=" + id + "&size=2&page=1");
        assertThat(second.get("content").get(0).get("eventId").asString()).isEqualTo(eventIds.get(0));
        assertThat(get("/admin/audit?type=org.civictaskforce.kittest.widget.changed&subject=" + id)
                .get("page").get("totalElements").asInt()).isEqualTo(3);
        assertThat(get("/admin/audit?type=nothing.like.this&subject=" + id).get("content")).isEmpty();
        assertThat(get("/admin/audit?subject=" + id + "&from=" + Instant.now().plusSeconds(60))
                .get("content")).isEmpty();
        assertThat(status("/admin/audit?subject=%7B%22$gt%22:%22%22%7D")).isEqualTo(400);
        assertThat(status("/admin/audit?size=101")).isEqualTo(400);
        // the audit trail is for coordinators: ids of who did what are themselves sensitive
        assertThat(statusAs("/admin/audit", org.civictaskforce.platform.security.TestTokens.bearer("member-1",
                org.civictaskforce.platform.security.Role.MEMBER))).isEqualTo(403);
        assertThat(statusAs("/admin/audit", null)).isEqualTo(401);
    }

    private WidgetDocument save(String id, int seq) {
        WidgetDocument doc = widgets.findById(id).orElseGet(() -> new WidgetDocument(id));
        doc.setSeq(seq);
        doc.append(List.of(domainEvents.wrap(id, new WidgetChanged(id, seq, false))));
        sleep(5); // distinct event times
        return widgets.save(doc);
    }


    private JsonNode get(String path) {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EventJson.MAPPER.readTree(response.body());
    }

    private int status(String path) {
        return send(path).statusCode();
    }

    private int statusAs(String path, String authorization) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String path) {
        try {
            return HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", org.civictaskforce.platform.security.TestTokens.coordinator())
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
