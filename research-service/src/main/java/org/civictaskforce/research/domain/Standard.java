package org.civictaskforce.research.domain;

import java.time.Instant;

/**
 * A standard, policy or rule of an institution. {@code version} starts at 1 when loaded from the
 * catalogue file and grows with each coordinator's correction; {@code correctedAt} and
 * {@code correctionReason} are null until then.
 */
public record Standard(String id, String title, Integer year, String summary, String note, Source source,
        int version, Instant correctedAt, String correctionReason) {
}
