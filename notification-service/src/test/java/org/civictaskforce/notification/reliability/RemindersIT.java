package org.civictaskforce.notification.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.civictaskforce.notification.application.NotificationIntake;
import org.civictaskforce.notification.application.Reminders;
import org.civictaskforce.notification.application.NotificationStore;
import org.civictaskforce.notification.persistence.ReminderDocument;
import org.civictaskforce.notification.application.ReminderStore;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * The generic reminder mechanism with a synthetic meeting (membership's meeting events are wired later):
 * due at 24 h and 1 h before, once per (subject, recipient, offset), fired by one of two replicas, and
 * still fired by a restarted instance after its predecessor died holding the claim.
 */
class RemindersIT {
    private static final String MEETING_REMINDER = "meeting-reminder";
    private final MongoTemplate mongo = new MongoTemplate(
            new SimpleMongoClientDatabaseFactory(MongoTestServer.uri("reminders-it")));
    private final NotificationStore notifications = new org.civictaskforce.notification.persistence.MongoNotificationStore(mongo);
    private final ReminderStore store = new org.civictaskforce.notification.persistence.MongoReminderStore(mongo);
    private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-01T08:00:00Z"), ZoneOffset.UTC);
    private final Instant meetingAt = Instant.parse("2026-11-03T10:00:00Z");

    @BeforeEach
    void clean() {
        mongo.getDb().drop();
    }

    private Reminders instance() { // a fresh instance = a replica, or the service after a restart
        return new Reminders(store, new NotificationIntake(notifications, new org.civictaskforce.notification.persistence.MongoWebhookStore(mongo), clock), clock);
    }

    private void scheduleSyntheticMeeting(Reminders reminders) {
        reminders.schedule("meeting-1", "person-1", meetingAt, Reminders.BEFORE_MEETING, MEETING_REMINDER,
                "org.civictaskforce.notification.reminder.meeting", Map.of("meetingId", "meeting-1"),
                Map.of("startsAt", meetingAt));
    }

    @Test
    void remindersFireAt24HoursAnd1HourBeforeOnceEachEvenWithTwoReplicasAndRepeatedScheduling() {
        Reminders a = instance();
        Reminders b = instance();
        scheduleSyntheticMeeting(a);
        scheduleSyntheticMeeting(b); // the same event handled twice: still two reminders
        assertThat(mongo.getCollection(ReminderDocument.COLLECTION).countDocuments()).isEqualTo(2);

        assertThat(a.fireDue() + b.fireDue()).isZero();
        clock.setInstant(meetingAt.minus(Duration.ofHours(24)));
        assertThat(a.fireDue() + b.fireDue()).isEqualTo(1);
        assertThat(notifications.find("reminder.meeting-1.PT24H:person-1")).hasValueSatisfying(n -> {
            assertThat(n.template()).isEqualTo(MEETING_REMINDER);
            assertThat(n.times()).containsEntry("startsAt", meetingAt);
            assertThat(n.deliveries()).containsOnlyKeys("EMAIL", "INBOX");
        });
        clock.setInstant(meetingAt.minus(Duration.ofHours(1)));
        assertThat(b.fireDue() + a.fireDue()).isEqualTo(1);
        assertThat(notifications.find("reminder.meeting-1.PT1H:person-1")).isPresent();
        clock.add(Duration.ofHours(2));
        assertThat(a.fireDue() + b.fireDue()).isZero();
        assertThat(mongo.getCollection("notifications").countDocuments()).isEqualTo(2);

        scheduleSyntheticMeeting(a); // a late redelivery of the meeting event does not revive fired reminders
        assertThat(store.find(ReminderStore.idFor("meeting-1", "person-1", Duration.ofHours(1))).orElseThrow()
                .status()).isEqualTo(ReminderDocument.FIRED);
    }

    @Test
    void aReminderClaimedByAnInstanceThatDiedFiresOnceAfterARestartWhenTheLeaseLapses() {
        scheduleSyntheticMeeting(instance());
        clock.setInstant(meetingAt.minus(Duration.ofHours(24)));
        // the old instance claimed it and died (before or after recording the notification)
        assertThat(store.claimDue(clock.instant(), Duration.ofMinutes(2))).isPresent();

        Reminders restarted = instance();
        assertThat(restarted.fireDue()).as("still leased to the dead instance").isZero();
        clock.add(Duration.ofMinutes(3));
        assertThat(restarted.fireDue()).isEqualTo(1);
        assertThat(restarted.fireDue()).isZero();
        assertThat(notifications.find("reminder.meeting-1.PT24H:person-1")).isPresent();
        assertThat(mongo.getCollection("notifications").countDocuments()).isEqualTo(1);
    }

    @Test
    void aMovedMeetingMovesItsPendingReminders() {
        Reminders reminders = instance();
        scheduleSyntheticMeeting(reminders);
        Instant moved = meetingAt.plus(Duration.ofDays(1));
        reminders.schedule("meeting-1", "person-1", moved, Reminders.BEFORE_MEETING, MEETING_REMINDER, "t",
                Map.of("meetingId", "meeting-1"), Map.of("startsAt", moved));
        assertThat(store.find(ReminderStore.idFor("meeting-1", "person-1", Duration.ofHours(24))).orElseThrow().dueAt())
                .isEqualTo(moved.minus(Duration.ofHours(24)));
        assertThat(mongo.getCollection(ReminderDocument.COLLECTION).countDocuments()).isEqualTo(2);
        assertThat(List.of(reminders.fireDue())).containsExactly(0);
    }

}
