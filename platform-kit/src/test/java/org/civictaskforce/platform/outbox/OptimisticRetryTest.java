package org.civictaskforce.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

class OptimisticRetryTest {

    @Test
    void aCommandThatMeetsAConcurrentChangeIsRunAgainUntilItSucceeds() {
        AtomicInteger runs = new AtomicInteger();

        String result = OptimisticRetry.run(() -> {
            if (runs.incrementAndGet() < 3) {
                throw new OptimisticLockingFailureException("changed underneath");
            }
            return "saved";
        });

        assertThat(result).isEqualTo("saved");
        assertThat(runs).hasValue(3);
    }

    @Test
    void afterTheLastAttemptTheConflictItselfReachesTheCaller() {
        AtomicInteger runs = new AtomicInteger();
        OptimisticLockingFailureException conflict = new OptimisticLockingFailureException("always changed");

        assertThatThrownBy(() -> OptimisticRetry.run(() -> {
            runs.incrementAndGet();
            throw conflict;
        })).isSameAs(conflict);
        assertThat(runs).hasValue(OptimisticRetry.ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        IllegalStateException bug = new IllegalStateException("not a conflict");

        assertThatThrownBy(() -> OptimisticRetry.run(() -> {
            runs.incrementAndGet();
            throw bug;
        })).isSameAs(bug);
        assertThat(runs).hasValue(1);
    }
}
