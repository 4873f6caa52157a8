package org.civictaskforce.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each replica allows its share of the system's limits, so N replicas together allow the configured limit. */
class RateLimitPropertiesTest {

    /** Time stands still: no token comes back while a burst is counted. */
    static final java.util.function.LongSupplier STOPPED = () -> 1_000_000_000L;

    @Test
    void oneReplicaAllowsTheWholeBurstAndTwoReplicasHalfEach() {
        assertThat(burst(new RateLimitProperties(true, 100, 50, 40, 20, 1000, 1).perAddress(STOPPED))).isEqualTo(100);
        assertThat(burst(new RateLimitProperties(true, 100, 50, 40, 20, 1000, 1).perUser(STOPPED))).isEqualTo(40);

        RateLimitProperties two = new RateLimitProperties(true, 100, 50, 40, 20, 1000, 2);
        assertThat(burst(two.perAddress(STOPPED)) * 2).isEqualTo(100);
        assertThat(burst(two.perUser(STOPPED)) * 2).isEqualTo(40);
    }

    @Test
    void aReplicaAllowsAtLeastOneRequestAndTheReplicaCountIsChecked() {
        assertThat(burst(new RateLimitProperties(true, 3, 1, 3, 1, 1000, 8).perAddress(STOPPED))).isEqualTo(1);
        assertThatThrownBy(() -> new RateLimitProperties(true, 100, 50, 40, 20, 1000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicas >= 1");
    }

    /** How many requests of one client pass at once, before the first refusal. */
    private static int burst(TokenBucketRateLimiter limiter) {
        int allowed = 0;
        while (limiter.tryAcquire("client").allowed()) {
            allowed++;
            if (allowed > 10_000) {
                throw new AssertionError("no limit");
            }
        }
        return allowed;
    }
}
