package org.civictaskforce.platform.outbox;

import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Re-runs a load-decide-save command when the document changed underneath it (another request, or
 * the relay removing published events). After the last attempt the conflict reaches the caller as a
 * 409 problem.
 */
public final class OptimisticRetry {
    private static final int ATTEMPTS = 5;

    private OptimisticRetry() {
    }

    public static <T> T run(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }
}
