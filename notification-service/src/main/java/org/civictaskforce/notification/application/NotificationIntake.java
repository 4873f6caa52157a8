package org.civictaskforce.notification.application;

import java.time.Clock;
import java.util.List;

import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.persistence.NotificationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Records the notifications an event calls for, queued on each of their channels. The notification id
 * is derived from event and person, so a redelivered event is recognised and changes nothing.
 */
@Service
public class NotificationIntake {
    private static final Logger log = LoggerFactory.getLogger(NotificationIntake.class);

    private final NotificationStore notifications;
    private final Clock clock;

    public NotificationIntake(NotificationStore notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** @return how many of them were new */
    public int accept(List<Notification> requested) {
        int created = 0;
        for (Notification notification : requested) {
            if (notifications.insert(notification, clock.instant())) {
                created++;
                log.info("notification {} queued on {}", notification.id(), notification.channels());
            } else {
                log.info("notification {} exists already; event {} was handled before", notification.id(),
                        notification.eventId());
            }
        }
        return created;
    }
}
