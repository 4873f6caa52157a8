package org.civictaskforce.platform.outbox;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Re-runs a load-decide-save command when the document changed underneath it (another request, or the relay
 * removing published events): Spring Framework's {@link RetryTemplate}, up to four more times after a short,
 * jittered pause so two writers do not collide again in step. After the last attempt the conflict reaches the
 * caller as a 409 problem; any other exception at once.
 */
public final class OptimisticRetry {
    static final int ATTEMPTS = 5;
    private static final RetryTemplate RETRY = new RetryTemplate(RetryPolicy.builder()
            .includes(OptimisticLockingFailureException.class).maxRetries(ATTEMPTS - 1)
            .delay(Duration.ofMillis(2)).jitter(Duration.ofMillis(2)).multiplier(2).maxDelay(Duration.ofMillis(40))
            .build());

    private OptimisticRetry() {
    }

    public static <T> T run(Supplier<T> command) {
        return RETRY.invoke(command);
    }
}
