package org.civictaskforce.strategy.domain.guide;

import java.time.Instant;

/** One version of a section's source text; every revision is kept so translators can see what changed. */
public record SectionRevision(int revision, String title, String body, Instant changedAt, String actorId) {
}
