package org.civictaskforce.notification.reliability;

import static org.civictaskforce.notification.Mails.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.civictaskforce.notification.application.ChannelSender;
import org.civictaskforce.notification.application.DeliveryDispatcher;
import org.civictaskforce.notification.application.DispatchProperties;
import org.civictaskforce.notification.application.MessageRenderer;
import org.civictaskforce.notification.application.NotificationMetrics;
import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.notification.domain.RenderedMessage;
import org.civictaskforce.notification.domain.TemplateParameters;
import org.civictaskforce.notification.messaging.EmailChannel;
import org.civictaskforce.notification.messaging.InboxChannel;
import org.civictaskforce.notification.application.InboxStore;
import org.civictaskforce.notification.application.NotificationStore;
import org.civictaskforce.notification.application.RecipientStore;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;

/**
 * Exactly once per event, recipient and channel, against the wire-compatible store and a real SMTP
 * server: two dispatchers (two replicas) on one database, and a dispatcher that dies mid-send.
 */
class ExactlyOnceDeliveryIT {
    private static final int SMTP_PORT = freePort();
    private static final Duration LEASE = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private final MongoTemplate mongo = new MongoTemplate(
            new SimpleMongoClientDatabaseFactory(MongoTestServer.uri("exactly-once-it")));
    private final NotificationStore notifications = new org.civictaskforce.notification.persistence.MongoNotificationStore(mongo);
    private final RecipientStore recipients = new org.civictaskforce.notification.persistence.MongoRecipientStore(mongo);
    private final InboxStore inbox = new org.civictaskforce.notification.persistence.MongoInboxStore(mongo);

    @BeforeEach
    void clean() {
        mongo.getDb().drop();
    }

    @Test
    void twoReplicasSendingAtOnceSendEachMessageExactlyOnce() throws Exception {
        int count = 120;
        List<String> ids = IntStream.range(0, count).mapToObj(i -> queue(Instant.now())).toList();
        DeliveryDispatcher replicaA = dispatcher(Clock.systemUTC(), email());
        DeliveryDispatcher replicaB = dispatcher(Clock.systemUTC(), email());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> drainA = () -> drain(replicaA);
            Callable<Integer> drainB = () -> drain(replicaB);
            List<Future<Integer>> handled = pool.invokeAll(List.of(drainA, drainB));
            int a = handled.get(0).get();
            int b = handled.get(1).get();
            assertThat(a + b).as("each delivery handled by exactly one replica").isEqualTo(count * 2);
            assertThat(a).as("both replicas took part").isPositive();
            assertThat(b).as("both replicas took part").isPositive();
        } finally {
            pool.shutdownNow();
        }

        MimeMessage[] mails = GREEN_MAIL.getReceivedMessages();
        assertThat(mails).hasSize(count);
        assertThat(Arrays.stream(mails).map(ExactlyOnceDeliveryIT::messageId).distinct()).hasSize(count);
        for (String id : ids) {
            assertThat(notifications.find(id).orElseThrow().deliveries().values())
                    .allSatisfy(d -> {
                        assertThat(d.status()).isEqualTo("SENT");
                        assertThat(d.attempts()).isEqualTo(1);
                    });
        }
        assertThat(mongo.getCollection("inbox").countDocuments())
                .isEqualTo(count);
    }

    @Test
    void aDispatcherThatDiesAfterClaimingIsReplacedWhenItsLeaseLapsesAndTheMailGoesOnce() throws Exception {
        MutableClock clock = MutableClock.of(Instant.parse("2026-11-01T08:00:00Z"), ZoneOffset.UTC);
        String id = queue(clock.instant());
        // replica A claims the e-mail and dies before sending (the claim is all it wrote)
        assertThat(notifications.claimNext(Channel.EMAIL, clock.instant(), LEASE)).isPresent();

        DeliveryDispatcher restarted = dispatcher(clock, email());
        restarted.dispatchDue();
        assertThat(GREEN_MAIL.getReceivedMessages()).as("the lease still holds").isEmpty();
        assertThat(status(id, "EMAIL")).isEqualTo("SENDING");

        clock.add(LEASE.plusSeconds(1));
        restarted.dispatchDue();
        restarted.dispatchDue();

        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        assertThat(status(id, "EMAIL")).isEqualTo("SENT");
        assertThat(notifications.find(id).orElseThrow().deliveries().get("EMAIL").attempts()).isEqualTo(2);
        assertThat(inbox.countOf(personOf(id))).isEqualTo(1);
    }

    @Test
    void aDispatcherThatDiesBetweenTheSmtpAcceptAndMarkingSentResendsTheSameMessageId() throws Exception {
        MutableClock clock = MutableClock.of(Instant.parse("2026-11-01T08:00:00Z"), ZoneOffset.UTC);
        String id = queue(clock.instant());
        ChannelSender email = email();
        ChannelSender diesAfterSending = new ChannelSender() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public void deliver(Notification n, Recipient r, RenderedMessage m) throws Exception {
                email.deliver(n, r, m);
                throw new ProcessDied();
            }
        };
        try {
            dispatcher(clock, diesAfterSending).dispatchDue();
        } catch (ProcessDied expected) {
            // the process is gone; its claim stays behind
        }
        assertThat(status(id, "EMAIL")).isEqualTo("SENDING");

        DeliveryDispatcher restarted = dispatcher(clock, email());
        clock.add(LEASE.plusSeconds(1));
        restarted.dispatchDue();
        restarted.dispatchDue();

        // the one window SMTP leaves open: the server accepted, we could not record it. The repeat carries
        // the same Message-ID, so the recipient's mail client shows it once.
        MimeMessage[] mails = GREEN_MAIL.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(Arrays.stream(mails).map(ExactlyOnceDeliveryIT::messageId).distinct())
                .containsExactly(EmailChannel.messageId(id));
        assertThat(status(id, "EMAIL")).isEqualTo("SENT");
        assertThat(inbox.countOf(personOf(id))).as("the inbox is an upsert: one item").isEqualTo(1);
    }

    private int drain(DeliveryDispatcher dispatcher) {
        int handled = 0;
        int idle = 0;
        while (idle < 3) {
            int n = dispatcher.dispatchDue();
            handled += n;
            idle = n == 0 ? idle + 1 : 0;
        }
        return handled;
    }

    private DeliveryDispatcher dispatcher(Clock clock, ChannelSender email) {
        DispatchProperties properties = new DispatchProperties(Duration.ofSeconds(1), 5, LEASE, Duration.ofHours(24),
                Duration.ofMinutes(1), 3, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(10));
        return new DeliveryDispatcher(notifications, recipients, new org.civictaskforce.notification.persistence.MongoPreferencesStore(mongo), new MessageRenderer(),
                List.of(email, new InboxChannel(inbox, clock)), new NotificationMetrics(new SimpleMeterRegistry()),
                properties, clock);
    }

    private static ChannelSender email() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(SMTP_PORT);
        sender.setDefaultEncoding("UTF-8");
        return new EmailChannel(sender, "Civic Taskforce <no-reply@civic-taskforce.example>");
    }

    private String queue(Instant now) {
        String personId = "person-" + UUID.randomUUID();
        recipients.save(new Recipient(personId, "Dana", personId.substring(7, 19) + "@example.org", "en",
                "Asia/Tashkent"), now);
        Notification n = Notification.of(UUID.randomUUID().toString(), "org.civictaskforce.membership.member.invited",
                "member-invited", personId, now,
                new TemplateParameters(Map.of("invitationId", "inv-1"),
                        Map.of("invitedAt", now, "expiresAt", now.plus(Duration.ofDays(14)))),
                EnumSet.of(Channel.EMAIL, Channel.INBOX));
        assertThat(notifications.insert(n, now)).isTrue();
        return n.id();
    }

    private String status(String id, String channel) {
        return notifications.find(id).orElseThrow().deliveries().get(channel).status();
    }

    private static String personOf(String notificationId) {
        return notificationId.substring(notificationId.indexOf(':') + 1);
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stands for the JVM going away mid-send: an Error the dispatcher does not catch. */
    private static final class ProcessDied extends Error {
    }

}
