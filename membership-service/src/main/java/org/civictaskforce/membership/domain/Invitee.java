package org.civictaskforce.membership.domain;

import java.time.Instant;

/** One person invited to a meeting and their answer ({@code null} until they answer). */
public record Invitee(String personId, Instant invitedAt, RsvpResponse response, Instant answeredAt) {
}
