package org.civictaskforce.research.domain;

import java.util.Objects;

/**
 * How many people of one country share one pipeline status. {@code country} is {@code null} for
 * people whose registration this service has not seen yet (it learnt of their invitation first).
 */
public record PipelineTally(String country, PipelineStatus status, long people) {
    public PipelineTally {
        Objects.requireNonNull(status, "status");
        if (people < 0) {
            throw new IllegalArgumentException("people must not be negative");
        }
    }
}
