package org.civictaskforce.notification.application;

import java.time.Clock;

import org.civictaskforce.notification.domain.Recipient;
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
     * The person was erased (a tombstone on the contacts topic, or {@code PersonErased} on the events
     * topic — whichever comes first does the work, the other finds nothing left): nothing more is sent
     * to them; their contact details, preferences, webhook, reminders and inbox go; their
     * notifications stay in the delivery log under anonymous ids, with their states, so counts stay right;
     * their places on meeting invitee lists go.
     */
    public void erase(String personId) {
        notifications.failQueuedOf(personId, ERASED, clock.instant());
        recipients.delete(personId);
        preferences.delete(personId);
        webhooks.delete(personId);
        long due = reminders.deleteAllOf(personId);
        long items = inbox.deleteAllOf(personId);
        long left = meetings.forget(personId);
        long anonymised = notifications.anonymiseAllOf(personId);
        log.info("person {} erased: recipient, {} reminders, {} inbox items and {} meeting invitations removed, {} notifications anonymised",
                personId, due, items, left, anonymised);
    }
}
