package org.civictaskforce.platform.outbox;

import java.util.Objects;

/**
 * An aggregate as a store loaded it, with the stored version it was loaded at. The application lets the aggregate
 * decide and hands both back to the store's port; the store saves only if the stored aggregate is still at that
 * version (else an optimistic-locking failure, which {@link OptimisticRetry} retries from a fresh load). This is how an
 * application port carries optimistic locking without exposing the stored document.
 *
 * @param <T> the aggregate
 */
public record Versioned<T>(T value, Long version) {
    public Versioned {
        Objects.requireNonNull(value, "value");
    }
}
