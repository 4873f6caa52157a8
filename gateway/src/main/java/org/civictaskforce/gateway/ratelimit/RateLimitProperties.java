package org.civictaskforce.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-client token bucket in front of the API routes.
 *
 * @param enabled         {@code GATEWAY_RATE_LIMIT_ENABLED}
 * @param capacity        burst: requests a client may send at once ({@code GATEWAY_RATE_LIMIT_CAPACITY})
 * @param refillPerSecond sustained requests per second per client ({@code GATEWAY_RATE_LIMIT_REFILL_PER_SECOND})
 * @param maxKeys         most clients tracked at once, the memory bound ({@code GATEWAY_RATE_LIMIT_MAX_KEYS})
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50") int capacity,
        @DefaultValue("20") double refillPerSecond,
        @DefaultValue("100000") int maxKeys) {

    public RateLimitProperties {
        if (capacity < 1 || refillPerSecond <= 0 || maxKeys < 1) {
            throw new IllegalArgumentException(
                    "gateway.rate-limit needs capacity >= 1, refill-per-second > 0 and max-keys >= 1");
        }
    }
}
