package org.civictaskforce.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Security headers on every response: the web client, proxied API answers and the gateway's own
 * errors alike (set just before commit, so nothing written later drops them). The
 * Content-Security-Policy fits a same-origin static client: scripts, styles and API calls from
 * this origin only, no inline code, no framing. A service's own, stricter policy is kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SecurityHeadersWebFilter implements WebFilter {

    private final String contentSecurityPolicy;

    public SecurityHeadersWebFilter(EntranceProperties properties) {
        this.contentSecurityPolicy = properties.contentSecurityPolicy();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            if (!headers.containsHeader("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", contentSecurityPolicy);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
