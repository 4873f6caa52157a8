package org.civictaskforce.membership.domain;

import java.time.Instant;

/** The minutes of a meeting; written again replaces them. */
public record Minutes(String text, Instant recordedAt) {
}
