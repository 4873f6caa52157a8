package org.civictaskforce.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The token buckets in front of the API routes: one per client address (checked first, before any
 * token is verified) and one per signed-in user; a request needs a token from both.
 *
 * @param enabled             {@code GATEWAY_RATE_LIMIT_ENABLED}
 * @param capacity            burst per address ({@code GATEWAY_RATE_LIMIT_CAPACITY})
 * @param refillPerSecond     sustained requests per second per address ({@code GATEWAY_RATE_LIMIT_REFILL_PER_SECOND})
 * @param userCapacity        burst per user ({@code GATEWAY_RATE_LIMIT_USER_CAPACITY})
 * @param userRefillPerSecond sustained requests per second per user ({@code GATEWAY_RATE_LIMIT_USER_REFILL_PER_SECOND})
 * @param maxKeys             most addresses (and, separately, users) tracked at once, the memory bound
 *                            ({@code GATEWAY_RATE_LIMIT_MAX_KEYS})
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100") int capacity,
        @DefaultValue("50") double refillPerSecond,
        @DefaultValue("50") int userCapacity,
        @DefaultValue("20") double userRefillPerSecond,
        @DefaultValue("100000") int maxKeys) {

    public RateLimitProperties {
        if (capacity < 1 || refillPerSecond <= 0 || userCapacity < 1 || userRefillPerSecond <= 0 || maxKeys < 1) {
            throw new IllegalArgumentException("gateway.rate-limit needs capacity and user-capacity >= 1, "
                    + "refill-per-second and user-refill-per-second > 0, and max-keys >= 1");
        }
    }

    TokenBucketRateLimiter perAddress() {
        return new TokenBucketRateLimiter(capacity, refillPerSecond, maxKeys, System::nanoTime);
    }

    TokenBucketRateLimiter perUser() {
        return new TokenBucketRateLimiter(userCapacity, userRefillPerSecond, maxKeys, System::nanoTime);
    }
}
