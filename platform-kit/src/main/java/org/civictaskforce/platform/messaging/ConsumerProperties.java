package org.civictaskforce.platform.messaging;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.consumer.*}: the topics this service consumes (their dead-letter topics are
 * created for its group) and how failures are retried before a record is parked.
 */
@ConfigurationProperties("platform.consumer")
public record ConsumerProperties(
        @DefaultValue List<String> topics,
        @DefaultValue("4") int maxRetries,
        @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("2s") Duration maxBackoff) {
}
