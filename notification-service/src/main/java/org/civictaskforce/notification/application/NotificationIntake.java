package org.civictaskforce.notification.application;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.civictaskforce.notification.domain.Channel;

import org.civictaskforce.notification.domain.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Records the notifications an event calls for, queued on each of their channels. The notification id
 * is derived from event and person, so a redelivered event is recognised and changes nothing.
 */
@Service
public class NotificationIntake {
    private static final Logger log = LoggerFactory.getLogger(NotificationIntake.class);

    private final NotificationStore notifications;
    private final WebhookStore webhooks;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public NotificationIntake(NotificationStore notifications, WebhookStore webhooks, Clock clock) {
        this(notifications, webhooks, clock, event -> {
        });
    }

    /**
     * @param events told of every new notification ({@link NotificationQueued}), after it is stored, so the
     *        dispatcher sends it at once instead of at its next poll
     */
    @Autowired
    public NotificationIntake(NotificationStore notifications, WebhookStore webhooks, Clock clock,
            ApplicationEventPublisher events) {
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.clock = clock;
        this.events = events;
    }

    /** @return how many of them were new */
    public int accept(List<Notification> requested) {
        int created = 0;
        for (Notification requestedOne : requested) {
            Notification notification = withWebhookIfRegistered(requestedOne);
            if (notifications.insert(notification, clock.instant())) {
                created++;
                log.info("notification {} queued on {}", notification.id(), notification.channels());
                events.publishEvent(new NotificationQueued(notification));
            } else {
                log.info("notification {} exists already; event {} was handled before", notification.id(),
                        notification.eventId());
            }
        }
        return created;
    }

    /** A person who registered a webhook also gets every notification there. */
    private Notification withWebhookIfRegistered(Notification n) {
        if (n.channels().contains(Channel.WEBHOOK) || webhooks.find(n.personId()).isEmpty()) {
            return n;
        }
        Set<Channel> channels = EnumSet.of(Channel.WEBHOOK);
        channels.addAll(n.channels());
        return new Notification(n.id(), n.eventId(), n.eventType(), n.template(), n.personId(), n.occurredAt(),
                n.parameters(), channels);
    }
}
