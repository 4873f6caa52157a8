package org.civictaskforce.gateway.ratelimit;

import java.util.function.LongSupplier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The token buckets in front of the API routes: one per client address (checked first, before any
 * token is verified) and one per signed-in user; a request needs a token from both.
 * <p>
 * The limits are the whole system's. Each replica keeps its own buckets and takes its share: with
 * {@code replicas} = N, a replica allows 1/N of each capacity and rate, so N replicas behind a balancer that spreads
 * requests (an ingress balances per request) together allow the configured limit. A shared bucket (in MongoDB) was
 * not chosen: it would put a database write on every API request in the one place every request passes, and make
 * the store's slowness everyone's. The cost of dividing: a client whose requests all reach one replica gets 1/N of
 * its limit, stricter, never looser; with an autoscaler, set N to the lowest replica count for a limit that is never
 * exceeded (docs/operations.md).
 *
 * @param enabled             {@code GATEWAY_RATE_LIMIT_ENABLED}
 * @param capacity            burst per address ({@code GATEWAY_RATE_LIMIT_CAPACITY})
 * @param refillPerSecond     sustained requests per second per address ({@code GATEWAY_RATE_LIMIT_REFILL_PER_SECOND})
 * @param userCapacity        burst per user ({@code GATEWAY_RATE_LIMIT_USER_CAPACITY})
 * @param userRefillPerSecond sustained requests per second per user ({@code GATEWAY_RATE_LIMIT_USER_REFILL_PER_SECOND})
 * @param maxKeys             most addresses (and, separately, users) tracked at once, the memory bound
 *                            ({@code GATEWAY_RATE_LIMIT_MAX_KEYS})
 * @param replicas            how many gateway replicas share the limits ({@code GATEWAY_RATE_LIMIT_REPLICAS}, 1)
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100") int capacity,
        @DefaultValue("50") double refillPerSecond,
        @DefaultValue("50") int userCapacity,
        @DefaultValue("20") double userRefillPerSecond,
        @DefaultValue("100000") int maxKeys,
        @DefaultValue("1") int replicas) {

    public RateLimitProperties {
        if (capacity < 1 || refillPerSecond <= 0 || userCapacity < 1 || userRefillPerSecond <= 0 || maxKeys < 1
                || replicas < 1) {
            throw new IllegalArgumentException("gateway.rate-limit needs capacity and user-capacity >= 1, "
                    + "refill-per-second and user-refill-per-second > 0, max-keys >= 1 and replicas >= 1");
        }
    }

    /** This replica's buckets per client address: its share of the limit. */
    TokenBucketRateLimiter perAddress() {
        return perAddress(System::nanoTime);
    }

    TokenBucketRateLimiter perAddress(LongSupplier nanoClock) {
        return new TokenBucketRateLimiter(share(capacity), refillPerSecond / replicas, maxKeys, nanoClock);
    }

    /** This replica's buckets per user: its share of the limit. */
    TokenBucketRateLimiter perUser() {
        return perUser(System::nanoTime);
    }

    TokenBucketRateLimiter perUser(LongSupplier nanoClock) {
        return new TokenBucketRateLimiter(share(userCapacity), userRefillPerSecond / replicas, maxKeys, nanoClock);
    }

    /** A replica's share of a burst: at least one request. */
    private int share(int burst) {
        return Math.max(1, burst / replicas);
    }
}
