package org.civictaskforce.gateway.ratelimit;

import reactor.core.publisher.Mono;

import org.civictaskforce.gateway.web.PublicPaths;
import org.springframework.core.Ordered;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The per-address bucket on {@code /api/**} and on the public guide pages ({@code /guide/**}, served by a service): runs before Spring Security, so a flood (with or
 * without tokens, forged ones included) is refused before any signature is checked or body read.
 * CORS preflights are the gateway's own cheap answers and are not counted.
 */
public class AddressRateLimitWebFilter implements WebFilter, Ordered {

    private final TokenBucketRateLimiter limiter;
    private final RateLimitRefusal refusal;

    public AddressRateLimitWebFilter(TokenBucketRateLimiter limiter, RateLimitRefusal refusal) {
        this.limiter = limiter;
        this.refusal = refusal;
    }

    @Override
    public int getOrder() {
        // after the correlation id, security headers and body size guard; before Spring Security (-100)
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!(exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")
                || PublicPaths.isPublicGuide(exchange)) || CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        TokenBucketRateLimiter.Decision decision = limiter.tryAcquire("ip:" + ClientAddress.of(exchange));
        if (!decision.allowed()) {
            return refusal.refuse(exchange, decision);
        }
        RateLimitRefusal.remaining(exchange, decision.remaining());
        return chain.filter(exchange);
    }
}
