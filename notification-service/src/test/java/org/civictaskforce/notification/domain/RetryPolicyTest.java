package org.civictaskforce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(1));
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void backsOffExponentiallyUpToTheMaximum() {
        assertThat(policy.nextAttempt(1, now)).contains(now.plusSeconds(30));
        assertThat(policy.nextAttempt(2, now)).contains(now.plusSeconds(60));
        assertThat(policy.nextAttempt(3, now)).contains(now.plusSeconds(60));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(policy.nextAttempt(4, now)).isEmpty();
    }

    @Test
    void contactWaitEndsAfterItsPatience() {
        ContactWait wait = new ContactWait(Duration.ofHours(24));
        assertThat(wait.stillWaiting(now, now.plus(Duration.ofHours(23)))).isTrue();
        assertThat(wait.stillWaiting(now, now.plus(Duration.ofHours(24)))).isFalse();
    }

    @Test
    void failureReasonNamesTheExceptionsButNotTheirMessages() {
        Exception failure = new RuntimeException("550 no such user: someone@example.org",
                new IllegalStateException("someone@example.org"));
        assertThat(FailureReason.of("EMAIL delivery failed", failure))
                .isEqualTo("EMAIL delivery failed (RuntimeException <- IllegalStateException)")
                .doesNotContain("@");
    }
}
