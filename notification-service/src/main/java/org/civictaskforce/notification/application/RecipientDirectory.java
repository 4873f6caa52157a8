package org.civictaskforce.notification.application;

import java.time.Clock;

import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.notification.persistence.InboxStore;
import org.civictaskforce.notification.persistence.MeetingStore;
import org.civictaskforce.notification.persistence.NotificationStore;
import org.civictaskforce.notification.persistence.PreferencesStore;
import org.civictaskforce.notification.persistence.RecipientStore;
import org.civictaskforce.notification.persistence.ReminderStore;
import org.civictaskforce.notification.persistence.WebhookStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Keeps the recipients read model in step with the membership contacts topic. Logs person ids only. */
@Service
public class RecipientDirectory {
    public static final String ERASED = "recipient erased";
    private static final Logger log = LoggerFactory.getLogger(RecipientDirectory.class);

    private final RecipientStore recipients;
    private final InboxStore inbox;
    private final NotificationStore notifications;
    private final PreferencesStore preferences;
    private final WebhookStore webhooks;
    private final ReminderStore reminders;
    private final MeetingStore meetings;
    private final Clock clock;

    public RecipientDirectory(RecipientStore recipients, InboxStore inbox, NotificationStore notifications,
            PreferencesStore preferences, WebhookStore webhooks, ReminderStore reminders, MeetingStore meetings,
            Clock clock) {
        this.webhooks = webhooks;
        this.reminders = reminders;
        this.meetings = meetings;
        this.recipients = recipients;
        this.inbox = inbox;
        this.notifications = notifications;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** The latest contact record replaces the previous one; deliveries waiting for it become due. */
    public void update(Recipient recipient) {
        recipients.save(recipient, clock.instant());
        notifications.wakeQueuedOf(recipient.personId(), clock.instant());
        log.info("contact record of person {} updated", recipient.personId());
    }

    /**
     * The person was erased: their contact details, preferences, inbox, reminders and places on meeting
     * invitee lists go, and nothing more is sent to them. The delivery log keeps only ids and states.
     */
    public void erase(String personId) {
        notifications.failQueuedOf(personId, ERASED, clock.instant());
        recipients.delete(personId);
        preferences.delete(personId);
        webhooks.delete(personId);
        long items = inbox.deleteAllOf(personId);
        long dropped = reminders.deleteAllOf(personId);
        long left = meetings.forget(personId);
        log.info("person {} erased: recipient, {} inbox items, {} reminders and {} meeting invitations removed",
                personId, items, dropped, left);
    }
}
