package org.civictaskforce.strategy.domain.guide;

import java.time.Instant;

/** A published edition without its text: what the public guide pages list. */
public record EditionHeading(int number, Instant publishedAt) {
}
