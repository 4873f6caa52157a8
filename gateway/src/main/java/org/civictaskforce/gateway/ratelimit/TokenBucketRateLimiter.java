package org.civictaskforce.gateway.ratelimit;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * In-memory token buckets, one per client key: each holds up to {@code capacity} tokens, refills at
 * {@code refillPerSecond}, and a request takes one token. The buckets are Bucket4j's (lock-free, greedy refill);
 * this class keeps one per client and bounds how many. No Redis: each gateway replica limits on
 * its own, with its share of the limit ({@link RateLimitProperties#replicas()}).
 * <p>
 * Memory stays bounded: a bucket left alone until it is full again is the same as no bucket, so it
 * is dropped by a sweep that runs at most once per refill time; and if more than {@code maxKeys}
 * clients are active at once, the least recently seen are dropped (they start again with a full
 * bucket, a small leniency under a flood of distinct clients rather than refusing new ones).
 */
public class TokenBucketRateLimiter {

    /** The outcome of one request: allowed or not, tokens left, and when to retry if refused. */
    public record Decision(boolean allowed, long remaining, Duration retryAfter) {
    }

    private final Bandwidth limit;
    private final TimeMeter time;
    private final int maxKeys;
    private final long refillTimeNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Client> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    public TokenBucketRateLimiter(int capacity, double refillPerSecond, int maxKeys, LongSupplier nanoClock) {
        // a whole number per second as such; otherwise one token per period (0.5/s: one every 2 s)
        this.limit = refillPerSecond >= 1 && refillPerSecond == Math.rint(refillPerSecond)
                ? Bandwidth.builder().capacity(capacity).refillGreedy((long) refillPerSecond, Duration.ofSeconds(1))
                        .build()
                : Bandwidth.builder().capacity(capacity)
                        .refillGreedy(1, Duration.ofNanos(Math.round(1_000_000_000d / refillPerSecond))).build();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoClock.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.maxKeys = maxKeys;
        this.refillTimeNanos = (long) Math.ceil(capacity * 1_000_000_000d / refillPerSecond);
        this.nanoClock = nanoClock;
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + refillTimeNanos);
    }

    public Decision tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        sweepIfDue(now);
        Client bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                evictLeastRecentlySeen(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new Client(Bucket.builder().addLimit(limit)
                    .withCustomTimePrecision(time).build(), now));
        }
        return bucket.take(now);
    }

    /** Number of clients currently tracked. */
    public int trackedKeys() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + refillTimeNanos)) {
            dropRefilled(now);
        }
    }

    private void dropRefilled(long now) {
        buckets.entrySet().removeIf(entry -> entry.getValue().isFullAgain(now));
    }

    private void evictLeastRecentlySeen(long now) {
        dropRefilled(now);
        int excess = buckets.size() - maxKeys + 1;
        if (excess <= 0) {
            return;
        }
        // make room for a tenth more at once, so a flood does not sort on every new client
        int toDrop = Math.max(excess, maxKeys / 10);
        buckets.entrySet().stream()
                .sorted(Comparator.comparingLong(entry -> entry.getValue().lastSeen()))
                .limit(toDrop)
                .map(Map.Entry::getKey)
                .toList()
                .forEach(buckets::remove);
    }

    /** A client's bucket and when it last took a token (a bucket untouched for the refill time is full again). */
    private final class Client {
        private final Bucket bucket;
        private volatile long lastSeen;

        Client(Bucket bucket, long now) {
            this.bucket = bucket;
            this.lastSeen = now;
        }

        Decision take(long now) {
            lastSeen = now;
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? new Decision(true, probe.getRemainingTokens(), Duration.ZERO)
                    : new Decision(false, 0, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }

        boolean isFullAgain(long now) {
            return now - lastSeen >= refillTimeNanos;
        }

        long lastSeen() {
            return lastSeen;
        }
    }
}
