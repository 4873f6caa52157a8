package org.civictaskforce.gateway.ratelimit;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per client key: each holds up to {@code capacity} tokens, refills at
 * {@code refillPerSecond}, and a request takes one token. No Redis: each gateway replica limits on
 * its own, so with N replicas behind a load balancer a client gets up to N times the rate.
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

    private final int capacity;
    private final double tokensPerNano;
    private final int maxKeys;
    private final long refillTimeNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    public TokenBucketRateLimiter(int capacity, double refillPerSecond, int maxKeys, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.tokensPerNano = refillPerSecond / 1_000_000_000d;
        this.maxKeys = maxKeys;
        this.refillTimeNanos = (long) Math.ceil(capacity / tokensPerNano);
        this.nanoClock = nanoClock;
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + refillTimeNanos);
    }

    public Decision tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        sweepIfDue(now);
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                evictLeastRecentlySeen(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
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

    private final class Bucket {

        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized Decision take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, (long) tokens, Duration.ZERO);
            }
            long nanosToNextToken = (long) Math.ceil((1 - tokens) / tokensPerNano);
            return new Decision(false, 0, Duration.ofNanos(nanosToNextToken));
        }

        synchronized boolean isFullAgain(long now) {
            return now - updatedAt >= refillTimeNanos;
        }

        synchronized long lastSeen() {
            return updatedAt;
        }

        private void refill(long now) {
            long elapsed = now - updatedAt;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
                updatedAt = now;
            }
        }
    }
}
