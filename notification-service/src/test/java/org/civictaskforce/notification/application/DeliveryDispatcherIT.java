package org.civictaskforce.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civictaskforce.notification.domain.DeliveryLog;
import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.ContactWait;
import org.civictaskforce.notification.domain.EmailCadence;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.Preferences;
import org.civictaskforce.notification.domain.QuietHours;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.notification.domain.RenderedMessage;
import org.civictaskforce.notification.domain.TemplateParameters;
import org.civictaskforce.platform.messaging.IdempotentProjection;
import org.civictaskforce.notification.persistence.NotificationDocument;
import org.civictaskforce.notification.application.NotificationStore;
import org.civictaskforce.notification.application.NotificationStore.ClaimedDelivery;
import org.civictaskforce.notification.application.PreferencesStore;
import org.civictaskforce.notification.application.RecipientStore;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The dispatcher's state machine against the wire-compatible store, with a clock the test moves:
 * retries with back-off, waiting for contact details, lapsed claims.
 */
class DeliveryDispatcherIT {
    private static final MongoTemplate MONGO = new MongoTemplate(
            new SimpleMongoClientDatabaseFactory(MongoTestServer.uri("dispatcher-it")));
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-01T08:00:00Z"), ZoneOffset.UTC);
    private final NotificationStore notifications = new org.civictaskforce.notification.persistence.MongoNotificationStore(MONGO);
    private final RecipientStore recipients = new org.civictaskforce.notification.persistence.MongoRecipientStore(MONGO);
    private final PreferencesStore preferences = new org.civictaskforce.notification.persistence.MongoPreferencesStore(MONGO);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingSender email = new RecordingSender(Channel.EMAIL);
    private final DispatchProperties properties = new DispatchProperties(Duration.ofSeconds(1), 10, LEASE,
            Duration.ofHours(24), Duration.ofMinutes(1), 3, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(10));
    private DeliveryDispatcher dispatcher;
    private RecipientDirectory directory;
    private String personId;

    @BeforeEach
    void setUp() {
        MONGO.getDb().drop();
        dispatcher = new DeliveryDispatcher(notifications, recipients, preferences, new MessageRenderer(),
                List.of(email), new NotificationMetrics(meters), properties, clock);
        directory = new RecipientDirectory(recipients, new org.civictaskforce.notification.persistence.MongoInboxStore(MONGO), notifications, preferences,
                new org.civictaskforce.notification.persistence.MongoWebhookStore(MONGO), new org.civictaskforce.notification.persistence.MongoReminderStore(MONGO),
                new org.civictaskforce.notification.persistence.MongoMeetingStore(MONGO, new IdempotentProjection(MONGO)), clock);
        personId = "person-" + UUID.randomUUID();
    }

    @Test
    void aDeliveryIsSentOnceAndCounted() {
        directory.update(recipient());
        String id = queue();

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue()).isZero();

        assertThat(email.delivered).containsExactly(id);
        DeliveryLog.Delivery entry = emailDelivery(id);
        assertThat(entry.status()).isEqualTo("SENT");
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.completedAt()).isEqualTo(clock.instant());
        assertThat(meters.counter(NotificationMetrics.SENT, "channel", "EMAIL").count()).isEqualTo(1.0);
        assertThat(meters.timer(NotificationMetrics.LATENCY, "channel", "EMAIL").count()).isEqualTo(1);
    }

    @Test
    void aFailingDeliveryIsRetriedWithBackOffThenFailedWithItsReason() {
        directory.update(recipient());
        email.failWith = new IllegalStateException("550 mailbox unavailable: someone@example.org");
        String id = queue();

        dispatcher.dispatchDue();
        DeliveryLog.Delivery first = emailDelivery(id);
        assertThat(first.status()).isEqualTo("QUEUED");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.reason()).isEqualTo("EMAIL delivery failed (IllegalStateException)");
        assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));

        assertThat(dispatcher.dispatchDue()).as("not due before its back-off").isZero();
        clock.add(Duration.ofSeconds(30));
        dispatcher.dispatchDue();
        assertThat(emailDelivery(id).attempts()).isEqualTo(2);
        assertThat(emailDelivery(id).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60));

        clock.add(Duration.ofSeconds(60));
        dispatcher.dispatchDue();
        DeliveryLog.Delivery last = emailDelivery(id);
        assertThat(last.status()).isEqualTo("FAILED");
        assertThat(last.attempts()).isEqualTo(3);
        assertThat(last.reason()).doesNotContain("@");
        assertThat(meters.counter(NotificationMetrics.FAILED, "channel", "EMAIL").count()).isEqualTo(1.0);
        assertThat(meters.counter(NotificationMetrics.SENT, "channel", "EMAIL").count()).isZero();
    }

    @Test
    void aDeliveryWaitsForContactDetailsAndGivesUpAfter24Hours() {
        String id = queue();

        dispatcher.dispatchDue();
        DeliveryLog.Delivery waiting = emailDelivery(id);
        assertThat(waiting.status()).isEqualTo("QUEUED");
        assertThat(waiting.reason()).isEqualTo(ContactWait.WAITING);
        assertThat(waiting.attempts()).as("waiting is not a failed attempt").isZero();

        clock.add(Duration.ofHours(23));
        dispatcher.dispatchDue();
        assertThat(emailDelivery(id).status()).isEqualTo("QUEUED");

        clock.add(Duration.ofHours(1));
        dispatcher.dispatchDue();
        DeliveryLog.Delivery gaveUp = emailDelivery(id);
        assertThat(gaveUp.status()).isEqualTo("FAILED");
        assertThat(gaveUp.reason()).isEqualTo("no contact details");
        assertThat(email.delivered).isEmpty();
    }

    @Test
    void contactDetailsArrivingWakeTheWaitingDelivery() {
        String id = queue();
        dispatcher.dispatchDue();
        assertThat(emailDelivery(id).nextAttemptAt()).isAfter(clock.instant());

        directory.update(recipient());
        dispatcher.dispatchDue();

        assertThat(emailDelivery(id).status()).isEqualTo("SENT");
        assertThat(email.delivered).containsExactly(id);
    }

    @Test
    void aLapsedClaimIsTakenUpAgainAndTheOldClaimCanNoLongerCompleteIt() {
        String id = queue();
        ClaimedDelivery crashed = notifications.claimNext(Channel.EMAIL, clock.instant(), LEASE).orElseThrow();
        assertThat(notifications.claimNext(Channel.EMAIL, clock.instant(), LEASE)).as("held by the first").isEmpty();
        assertThat(emailDelivery(id).status()).isEqualTo("SENDING");

        clock.add(LEASE.plusSeconds(1));
        ClaimedDelivery retaken = notifications.claimNext(Channel.EMAIL, clock.instant(), LEASE).orElseThrow();

        assertThat(retaken.notification().id()).isEqualTo(id);
        assertThat(retaken.attempts()).isEqualTo(2);
        assertThat(notifications.markSent(crashed, clock.instant())).isFalse();
        assertThat(notifications.markSent(retaken, clock.instant())).isTrue();
        assertThat(emailDelivery(id).status()).isEqualTo("SENT");
    }

    @Test
    void theSameNotificationIsRecordedOnlyOnce() {
        Notification n = notification();
        assertThat(notifications.insert(n, clock.instant())).isTrue();
        assertThat(notifications.insert(n, clock.instant())).isFalse();
    }

    @Test
    void erasingAPersonGivesUpTheirQueuedDeliveriesAndKeepsTheLogWithoutNamingThem() {
        directory.update(recipient());
        String eventId = "event-" + UUID.randomUUID();
        String id = queue(eventId);

        directory.erase(personId);
        directory.erase(personId);

        assertThat(notifications.find(id)).as("the old id named the person").isEmpty();
        List<NotificationDocument> log = MONGO.find(
                Query.query(Criteria.where("eventId").is(eventId)),
                NotificationDocument.class);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).id()).startsWith("erased-");
        assertThat(log.get(0).personId()).isNull();
        assertThat(emailDelivery(log.get(0).id()).status()).isEqualTo("FAILED");
        assertThat(emailDelivery(log.get(0).id()).reason()).isEqualTo(RecipientDirectory.ERASED);
        assertThat(dispatcher.dispatchDue()).isZero();
        for (String collection : MONGO.getCollectionNames()) {
            MONGO.getCollection(collection).find().forEach(doc -> assertThat(doc.toJson()).as(collection)
                    .doesNotContain(personId));
        }
    }

    @Test
    void aChannelTheRecipientSwitchedOffIsSkippedNotSent() {
        directory.update(recipient());
        preferences.save(new Preferences(personId, Map.of(Channel.EMAIL, false), null, null, null, null),
                clock.instant());
        String id = queue();

        dispatcher.dispatchDue();

        assertThat(email.delivered).isEmpty();
        assertThat(emailDelivery(id).status()).isEqualTo("SKIPPED");
        assertThat(emailDelivery(id).reason()).isEqualTo(Preferences.SWITCHED_OFF);
        assertThat(emailDelivery(id).attempts()).isZero();
        assertThat(dispatcher.dispatchDue()).isZero();
    }

    @Test
    void quietHoursInTheRecipientsZoneDeferTheEmailUntilTheyEnd() {
        directory.update(recipient()); // Asia/Tashkent: the clock's 08:00Z is 13:00 there
        preferences.save(new Preferences(personId, Map.of(), EmailCadence.IMMEDIATE, null,
                new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0)), null), clock.instant());
        String id = queue();

        dispatcher.dispatchDue();
        DeliveryLog.Delivery deferred = emailDelivery(id);
        assertThat(deferred.status()).isEqualTo("QUEUED");
        assertThat(deferred.reason()).isEqualTo(Preferences.DEFERRED_QUIET_HOURS);
        assertThat(deferred.nextAttemptAt()).isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
        assertThat(deferred.attempts()).isZero();
        assertThat(email.delivered).isEmpty();

        clock.add(Duration.ofMinutes(59));
        assertThat(dispatcher.dispatchDue()).isZero();
        clock.add(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(email.delivered).containsExactly(id);
        assertThat(emailDelivery(id).status()).isEqualTo("SENT");
        assertThat(emailDelivery(id).reason()).isNull();
    }

    @Test
    void aDailyDigestGathersTheDaysEmailsIntoOneAtTheDigestTimeInTheRecipientsZone() {
        directory.update(recipient());
        preferences.save(new Preferences(personId, Map.of(), EmailCadence.DAILY_DIGEST, LocalTime.of(8, 0), null,
                null), clock.instant());
        List<String> ids = List.of(queue("e1"), queue("e2"), queue("e3"));

        dispatcher.dispatchDue();
        assertThat(email.delivered).isEmpty();
        assertThat(email.digests).isEmpty();
        Instant slot = Instant.parse("2026-11-02T03:00:00Z"); // 08:00 in Tashkent the next day
        ids.forEach(id -> {
            assertThat(emailDelivery(id).status()).isEqualTo("QUEUED");
            assertThat(emailDelivery(id).nextAttemptAt()).isEqualTo(slot);
            assertThat(emailDelivery(id).reason()).isEqualTo(Preferences.DEFERRED_DIGEST);
        });

        clock.add(Duration.between(clock.instant(), slot).plusMinutes(30));
        String later = queue("e4"); // after today's digest time: tomorrow's digest
        dispatcher.dispatchDue();

        assertThat(email.digests).hasSize(1);
        assertThat(email.digests.get(0).id()).isEqualTo("digest." + personId + ".2026-11-02");
        assertThat(email.digests.get(0).message().subject()).isEqualTo("Civic Taskforce: your daily summary for 2 November 2026 (3)");
        assertThat(email.digests.get(0).message().text()).contains("Dear Dana,")
                .contains("== Invitation to the Working Group on sustainable development in Central Asia ==");
        assertThat(email.delivered).isEmpty();
        ids.forEach(id -> assertThat(emailDelivery(id).status()).isEqualTo("SENT"));
        assertThat(emailDelivery(later).status()).isEqualTo("QUEUED");
        assertThat(emailDelivery(later).nextAttemptAt()).isEqualTo(slot.plus(Duration.ofDays(1)));
        assertThat(meters.counter(NotificationMetrics.SENT, "channel", "EMAIL").count()).isEqualTo(3.0);
    }

    @Test
    void switchingFromDigestToImmediateSendsWhatWaits() {
        directory.update(recipient());
        preferences.save(new Preferences(personId, Map.of(), EmailCadence.DAILY_DIGEST, null, null, null),
                clock.instant());
        String id = queue();
        dispatcher.dispatchDue();
        assertThat(email.delivered).isEmpty();

        new PreferencesService(preferences, notifications, clock).replace(Preferences.defaults(personId));
        dispatcher.dispatchDue();

        assertThat(email.delivered).containsExactly(id);
    }

    private Recipient recipient() {
        return new Recipient(personId, "Dana", "dana@example.org", "en", "Asia/Tashkent");
    }

    private Notification notification() {
        return notification("event-" + personId);
    }

    private Notification notification(String eventId) {
        return Notification.of(eventId, "org.civictaskforce.membership.member.invited", "member-invited",
                personId, clock.instant(),
                new TemplateParameters(Map.of("invitationId", "inv-1"),
                        Map.of("invitedAt", clock.instant(), "expiresAt", clock.instant().plus(Duration.ofDays(14)))),
                EnumSet.of(Channel.EMAIL));
    }

    private String queue() {
        return queue("event-" + personId);
    }

    private String queue(String eventId) {
        Notification n = notification(eventId);
        assertThat(notifications.insert(n, clock.instant())).isTrue();
        return n.id();
    }

    private org.civictaskforce.notification.domain.DeliveryLog.Delivery emailDelivery(String id) {
        return notifications.find(id).orElseThrow().deliveries().get("EMAIL");
    }

    private static final class RecordingSender implements ChannelSender {
        private final Channel channel;
        final List<String> delivered = new ArrayList<>();
        final List<Digest> digests = new ArrayList<>();
        RuntimeException failWith;

        RecordingSender(Channel channel) {
            this.channel = channel;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public void deliver(Notification notification, Recipient recipient, RenderedMessage message) {
            if (failWith != null) {
                throw failWith;
            }
            delivered.add(notification.id());
        }

        @Override
        public void deliverDigest(String digestId, Recipient recipient, RenderedMessage message) {
            if (failWith != null) {
                throw failWith;
            }
            digests.add(new Digest(digestId, message));
        }
    }

    private record Digest(String id, RenderedMessage message) {
    }
}
