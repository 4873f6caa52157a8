package org.civictaskforce.gateway.ratelimit;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

/**
 * The per-user bucket on every routed request of a signed-in caller (bearer or session), after the
 * per-address bucket has let it through: 429 problem+json with Retry-After, and it never reaches a
 * service. Runs before the request body is buffered and before circuit breakers, so refused requests
 * cost little and do not count as service failures. Anonymous requests pass (the address limits them).
 */
public class RateLimitFilter implements GlobalFilter, Ordered {

    /** Remaining tokens of the caller, on every routed response. */
    public static final String REMAINING_HEADER = RateLimitRefusal.REMAINING_HEADER;

    private final TokenBucketRateLimiter limiter;
    private final KeyResolver keyResolver;
    private final RateLimitRefusal refusal;

    public RateLimitFilter(TokenBucketRateLimiter limiter, KeyResolver keyResolver, RateLimitRefusal refusal) {
        this.limiter = limiter;
        this.keyResolver = keyResolver;
        this.refusal = refusal;
    }

    @Override
    public int getOrder() {
        // after RemoveCachedBodyFilter (HIGHEST_PRECEDENCE), before AdaptCachedBodyGlobalFilter (+1000)
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return keyResolver.resolve(exchange)
                .map(key -> limiter.tryAcquire(key))
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(decision -> {
                    if (decision.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    if (!decision.get().allowed()) {
                        return refusal.refuse(exchange, decision.get());
                    }
                    RateLimitRefusal.remaining(exchange, decision.get().remaining());
                    return chain.filter(exchange);
                });
    }
}
