package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.civictaskforce.gateway.ratelimit.TokenBucketRateLimiter;
import org.civictaskforce.gateway.ratelimit.TokenBucketRateLimiter.Decision;

class TokenBucketRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private TokenBucketRateLimiter limiter(int capacity, double perSecond, int maxKeys) {
        return new TokenBucketRateLimiter(capacity, perSecond, maxKeys, nanos::get);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void allowsTheBurstThenRefusesWithTheTimeToTheNextToken() {
        TokenBucketRateLimiter limiter = limiter(50, 20, 100);
        for (int i = 0; i < 50; i++) {
            Decision decision = limiter.tryAcquire("ip:10.0.0.1");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(49 - i);
        }

        Decision refused = limiter.tryAcquire("ip:10.0.0.1");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void refillsAtTheConfiguredRateUpToTheCapacity() {
        TokenBucketRateLimiter limiter = limiter(5, 2, 100);
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire("k");
        }
        assertThat(limiter.tryAcquire("k").allowed()).isFalse();

        advance(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("k").allowed()).isTrue();
        assertThat(limiter.tryAcquire("k").allowed()).isFalse();

        advance(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("k").allowed()).isTrue();
        }
        assertThat(limiter.tryAcquire("k").allowed()).isFalse();
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        TokenBucketRateLimiter limiter = limiter(1, 1, 100);

        assertThat(limiter.tryAcquire("principal:alice").allowed()).isTrue();
        assertThat(limiter.tryAcquire("principal:alice").allowed()).isFalse();
        assertThat(limiter.tryAcquire("principal:bob").allowed()).isTrue();
    }

    @Test
    void forgetsClientsOnceTheirBucketWouldBeFullAgain() {
        TokenBucketRateLimiter limiter = limiter(10, 10, 1000);
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("ip:10.0.0." + i);
        }
        assertThat(limiter.trackedKeys()).isEqualTo(100);

        advance(Duration.ofSeconds(2));
        limiter.tryAcquire("ip:10.0.1.1");

        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }

    @Test
    void tracksNoMoreThanMaxKeysAndKeepsTheRecentlySeen() {
        TokenBucketRateLimiter limiter = limiter(1, 0.001, 10);
        limiter.tryAcquire("recent");
        for (int i = 0; i < 1000; i++) {
            advance(Duration.ofMillis(1));
            limiter.tryAcquire("flood-" + i);
            assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(10);
        }
        advance(Duration.ofMillis(1));
        limiter.tryAcquire("recent-2");
        limiter.tryAcquire("flood-999");

        // the latest flood key is still tracked, so its empty bucket still refuses
        assertThat(limiter.tryAcquire("flood-999").allowed()).isFalse();
    }
}
