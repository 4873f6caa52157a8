package org.civictaskforce.platform.outbox;

import java.time.Instant;

/** Which relay replica is publishing this document's outbox, and until when the claim holds. */
public record OutboxLease(String owner, Instant until) {
}
