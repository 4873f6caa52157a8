package org.civictaskforce.notification.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.civictaskforce.notification.application.DeliveryDispatcher;
import org.civictaskforce.notification.application.DispatchProperties;
import org.civictaskforce.notification.application.MessageRenderer;
import org.civictaskforce.notification.application.NotificationIntake;
import org.civictaskforce.notification.application.NotificationMetrics;
import org.civictaskforce.notification.application.WebhookTargets;
import org.civictaskforce.notification.domain.DeliveryLog;
import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.notification.domain.TemplateParameters;
import org.civictaskforce.notification.domain.WebhookSignature;
import org.civictaskforce.notification.messaging.WebhookChannel;
import org.civictaskforce.notification.application.NotificationStore;
import org.civictaskforce.notification.application.RecipientStore;
import org.civictaskforce.notification.application.WebhookStore;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Webhook deliveries to a real HTTP server on 127.0.0.1 (allowed here through
 * {@code allow-private-targets}): signed, retried with back-off, recorded in the delivery log; and refused
 * when private targets are not allowed.
 */
class WebhookDeliveryIT {
    private static final String SECRET = "a-long-subscriber-secret";

    private final MongoTemplate mongo = new MongoTemplate(
            new SimpleMongoClientDatabaseFactory(MongoTestServer.uri("webhook-it")));
    private final NotificationStore notifications = new org.civictaskforce.notification.persistence.MongoNotificationStore(mongo);
    private final RecipientStore recipients = new org.civictaskforce.notification.persistence.MongoRecipientStore(mongo);
    private final WebhookStore webhooks = new org.civictaskforce.notification.persistence.MongoWebhookStore(mongo);
    private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-01T08:00:00Z"), ZoneOffset.UTC);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private HttpServer server;
    private String personId;

    private record Received(String body, String signature, String deliveryId) {
    }

    @BeforeEach
    void setUp() throws IOException {
        mongo.getDb().drop();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookChannel.DELIVERY_HEADER)));
            int status = failFirst.getAndDecrement() > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        personId = "person-" + UUID.randomUUID();
        recipients.save(new Recipient(personId, "Dana", "dana@example.org", "en", "Asia/Tashkent"), clock.instant());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aSignedDeliveryIsRetriedWithBackOffUntilTheSubscriberTakesItAndTheLogShowsIt() {
        register("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        failFirst.set(1);
        String id = queue();
        DeliveryDispatcher dispatcher = dispatcher(true);

        dispatcher.dispatchDue();
        DeliveryLog.Delivery first = webhookDelivery(id);
        assertThat(first.status()).isEqualTo("QUEUED");
        assertThat(first.reason()).isEqualTo("WEBHOOK delivery failed (WebhookRejected)");
        assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(received).hasSize(1);

        clock.add(Duration.ofSeconds(30));
        dispatcher.dispatchDue();
        DeliveryLog.Delivery done = webhookDelivery(id);
        assertThat(done.status()).isEqualTo("SENT");
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(received).hasSize(2);

        Received last = received.get(1);
        assertThat(last.deliveryId()).isEqualTo(id);
        assertThat(last.body()).contains("\"notificationId\":\"" + id + "\"")
                .contains("\"eventType\":\"org.civictaskforce.membership.member.invited\"")
                .doesNotContain("dana@example.org");
        // what a subscriber does: recompute the signature over "<t>.<body>" with the shared secret
        String t = last.signature().substring(2, last.signature().indexOf(','));
        assertThat(Long.parseLong(t)).isEqualTo(clock.instant().getEpochSecond());
        assertThat(last.signature()).isEqualTo(
                "t=" + t + ",v1=" + WebhookSignature.hmacSha256Hex(SECRET, t + "." + last.body()));
        assertThat(last.signature()).isNotEqualTo(WebhookSignature.header("wrong-secret-wrong", Long.parseLong(t),
                last.body()));
    }

    @Test
    void aLoopbackTargetIsRefusedUnlessPrivateTargetsAreAllowed() {
        register("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        String id = queue();

        dispatcher(false).dispatchDue();

        assertThat(received).isEmpty();
        assertThat(webhookDelivery(id).status()).isEqualTo("QUEUED");
        assertThat(webhookDelivery(id).reason()).isEqualTo("WEBHOOK delivery failed (RefusedTarget)");
    }

    @Test
    void noWebhookNoWebhookDeliveryAndARemovedOneIsSkipped() {
        String without = queue();
        assertThat(notifications.find(without).orElseThrow().deliveries()).doesNotContainKey("WEBHOOK");

        register("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        String with = queue();
        webhooks.delete(personId);
        dispatcher(true).dispatchDue();
        assertThat(webhookDelivery(with).status()).isEqualTo("SKIPPED");
        assertThat(webhookDelivery(with).reason()).isEqualTo("no webhook registered");
        assertThat(received).isEmpty();
    }

    private void register(String url) {
        webhooks.save(new org.civictaskforce.notification.domain.Webhook(personId, url, SECRET, clock.instant()));
    }

    private String queue() {
        Notification n = Notification.of(UUID.randomUUID().toString(), "org.civictaskforce.membership.member.invited",
                "member-invited", personId, clock.instant(),
                new TemplateParameters(Map.of("invitationId", "inv-1"),
                        Map.of("invitedAt", clock.instant(), "expiresAt", clock.instant().plus(Duration.ofDays(14)))),
                EnumSet.of(Channel.INBOX));
        new NotificationIntake(notifications, webhooks, clock).accept(List.of(n));
        return n.id();
    }

    private DeliveryDispatcher dispatcher(boolean allowPrivate) {
        DispatchProperties properties = new DispatchProperties(Duration.ofSeconds(1), 10, Duration.ofMinutes(2),
                Duration.ofHours(24), Duration.ofMinutes(1), 3, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(10));
        return new DeliveryDispatcher(notifications, recipients, new org.civictaskforce.notification.persistence.MongoPreferencesStore(mongo), new MessageRenderer(),
                List.of(new WebhookChannel(webhooks, new WebhookTargets(allowPrivate), clock)),
                new NotificationMetrics(new SimpleMeterRegistry()), properties, clock);
    }

    private org.civictaskforce.notification.domain.DeliveryLog.Delivery webhookDelivery(String id) {
        return notifications.find(id).orElseThrow().deliveries().get("WEBHOOK");
    }

}
