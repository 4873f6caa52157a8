package org.civictaskforce.notification.application;

import java.time.Clock;

import org.civictaskforce.notification.domain.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Reads and replaces a person's preferences; a change applies to what is still queued. */
@Service
public class PreferencesService {
    private static final Logger log = LoggerFactory.getLogger(PreferencesService.class);

    private final PreferencesStore preferences;
    private final NotificationStore notifications;
    private final Clock clock;

    public PreferencesService(PreferencesStore preferences, NotificationStore notifications, Clock clock) {
        this.preferences = preferences;
        this.notifications = notifications;
        this.clock = clock;
    }

    public Preferences of(String personId) {
        return preferences.of(personId);
    }

    /** Saves them and makes the person's queued deliveries due, so they are looked at under the new rules. */
    public Preferences replace(Preferences wishes) {
        preferences.save(wishes, clock.instant());
        notifications.wakeQueuedOf(wishes.personId(), clock.instant());
        log.info("preferences of person {} replaced", wishes.personId());
        return wishes;
    }
}
