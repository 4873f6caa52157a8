package org.civictaskforce.gateway.ratelimit;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.civictaskforce.gateway.problem.Problem;
import org.civictaskforce.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/** The 429 problem with {@code Retry-After} for one kind of bucket. */
final class RateLimitRefusal {

    /** Remaining tokens of the caller, on every routed response (the smaller of address and user). */
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final ProblemResponses problems;
    private final String whose;
    private final int capacity;
    private final double refillPerSecond;

    RateLimitRefusal(ProblemResponses problems, String whose, int capacity, double refillPerSecond) {
        this.problems = problems;
        this.whose = whose;
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
    }

    Mono<Void> refuse(ServerWebExchange exchange, TokenBucketRateLimiter.Decision decision) {
        long retryAfterSeconds = wholeSecondsAtLeastOne(decision.retryAfter());
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(REMAINING_HEADER, "0");
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return problems.write(exchange, Problem.of(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from %s: at most %d at once and %s per second. Retry after %d s."
                        .formatted(whose, capacity, rate(refillPerSecond), retryAfterSeconds)));
    }

    /** Sets the remaining-tokens header, never raising what an earlier bucket said. */
    static void remaining(ServerWebExchange exchange, long remaining) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        String earlier = headers.getFirst(REMAINING_HEADER);
        long value = earlier == null ? remaining : Math.min(remaining, Long.parseLong(earlier));
        headers.set(REMAINING_HEADER, Long.toString(value));
    }

    private static long wholeSecondsAtLeastOne(Duration duration) {
        long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static String rate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    }
}
