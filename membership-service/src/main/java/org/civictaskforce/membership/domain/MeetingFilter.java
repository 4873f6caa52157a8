package org.civictaskforce.membership.domain;

import java.time.Instant;

/** The filters of the meeting list; {@code null} means "any". {@code from} inclusive, {@code to} exclusive, on the start. */
public record MeetingFilter(MeetingStatus status, MeetingKind kind, Instant from, Instant to) {
}
