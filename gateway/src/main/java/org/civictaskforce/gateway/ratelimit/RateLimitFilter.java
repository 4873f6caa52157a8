package org.civictaskforce.gateway.ratelimit;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.civictaskforce.gateway.problem.Problem;
import org.civictaskforce.gateway.problem.ProblemResponses;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * Rate limits every routed request (the API, not the web client's files or the actuator) with a
 * token bucket per client. A refused request gets 429 as problem+json with Retry-After, and never
 * reaches a service. Runs before the request body is buffered and before circuit breakers, so
 * refused requests cost little and do not count as service failures.
 */
public class RateLimitFilter implements GlobalFilter, Ordered {

    /** Remaining tokens of the caller, on every routed response. */
    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final TokenBucketRateLimiter limiter;
    private final KeyResolver keyResolver;
    private final ProblemResponses problems;
    private final RateLimitProperties properties;

    public RateLimitFilter(TokenBucketRateLimiter limiter, KeyResolver keyResolver, ProblemResponses problems,
            RateLimitProperties properties) {
        this.limiter = limiter;
        this.keyResolver = keyResolver;
        this.problems = problems;
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        // after RemoveCachedBodyFilter (HIGHEST_PRECEDENCE), before AdaptCachedBodyGlobalFilter (+1000)
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return keyResolver.resolve(exchange).flatMap(key -> {
            TokenBucketRateLimiter.Decision decision = limiter.tryAcquire(key);
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set(REMAINING_HEADER, Long.toString(decision.remaining()));
            if (decision.allowed()) {
                return chain.filter(exchange);
            }
            long retryAfterSeconds = wholeSecondsAtLeastOne(decision.retryAfter());
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            return problems.write(exchange, Problem.of(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests from this client: at most %d at once and %s per second. Retry after %d s."
                            .formatted(properties.capacity(), rate(properties.refillPerSecond()), retryAfterSeconds)));
        });
    }

    private static long wholeSecondsAtLeastOne(Duration duration) {
        long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static String rate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    }
}
