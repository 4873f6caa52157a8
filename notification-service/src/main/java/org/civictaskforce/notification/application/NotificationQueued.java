package org.civictaskforce.notification.application;

import org.civictaskforce.notification.domain.Notification;

/** In-process: a new notification was stored with its deliveries queued, so they can be sent at once. */
public record NotificationQueued(Notification notification) {
}
