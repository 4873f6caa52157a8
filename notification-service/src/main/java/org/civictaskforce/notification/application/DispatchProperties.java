package org.civictaskforce.notification.application;

import java.time.Duration;

import org.civictaskforce.notification.domain.ContactWait;
import org.civictaskforce.notification.domain.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notification.dispatch.*}: how often the dispatcher looks for due deliveries, how long a claim
 * lasts, how long a delivery waits for contact details, and how failures are retried.
 */
@ConfigurationProperties("notification.dispatch")
public record DispatchProperties(
        @DefaultValue("1s") Duration interval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("24h") Duration contactWait,
        @DefaultValue("1m") Duration contactPoll,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("30m") Duration maxBackoff) {

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, initialBackoff, backoffMultiplier, maxBackoff);
    }

    public ContactWait contactWaitPolicy() {
        return new ContactWait(contactWait);
    }
}
