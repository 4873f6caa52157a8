package org.civictaskforce.membership.domain;

/** SCHEDULED → CANCELLED, or SCHEDULED → HELD once attendance is recorded. */
public enum MeetingStatus {
    SCHEDULED, CANCELLED, HELD
}
