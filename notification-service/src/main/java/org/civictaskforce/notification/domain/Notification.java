package org.civictaskforce.notification.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One event told to one recipient. Its id is derived from the event and the person, so handling the
 * same event twice finds the notification already there.
 *
 * @param template   the folder of the templates that write it, e.g. {@code member-invited}
 * @param occurredAt when the causing event happened (delivery latency is measured from it)
 */
public record Notification(String id, String eventId, String eventType, String template, String personId,
        Instant occurredAt, TemplateParameters parameters, Set<Channel> channels) {

    public Notification {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(template, "template");
        if (id == null) {
            id = idFor(eventId, personId);
        }
        channels = Set.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a notification needs at least one channel");
        }
    }

    public static Notification of(String eventId, String eventType, String template, String personId,
            Instant occurredAt, TemplateParameters parameters, Set<Channel> channels) {
        return new Notification(null, eventId, eventType, template, personId, occurredAt, parameters, channels);
    }

    public static String idFor(String eventId, String personId) {
        return eventId + ":" + personId;
    }
}
