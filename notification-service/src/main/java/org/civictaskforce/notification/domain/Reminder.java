package org.civictaskforce.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A reminder due at {@code dueAt}: id {@code <subjectId>:<personId>:<offset>} (e.g. {@code m-1:p-7:PT24H}), so
 * scheduling it again changes the same one. {@code status} PENDING → FIRED; {@code round} counts how often a fired
 * reminder was armed again because its subject moved (null = never), and makes each round's notification new.
 */
public record Reminder(String id, String subjectId, String personId, String offset, String template,
        String eventType, Instant dueAt, Map<String, String> values, Map<String, Instant> times, String status,
        Instant firedAt, Integer round) {
    public static final String PENDING = "PENDING";
    public static final String FIRED = "FIRED";

    public static String idFor(String subjectId, String personId, Duration offset) {
        return subjectId + ":" + personId + ":" + offset;
    }

    /** The event id of the notification this reminder becomes: the same for every attempt at one round. */
    public String eventId() {
        String base = "reminder." + subjectId + "." + offset;
        return round == null || round == 0 ? base : base + ".r" + round;
    }
}
