package org.civictaskforce.gateway.security;

import reactor.core.publisher.Mono;

import org.civictaskforce.gateway.web.PublicPaths;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Makes sure a browser has the {@code XSRF-TOKEN} cookie before it sends its first change: Spring
 * Security creates the token lazily, so the web client's requests (page, script, {@code /auth/me})
 * load it here. Requests with a bearer token need none, and the public guide pages set no cookie (they are
 * the same for everyone, cacheable by shared caches, and a person reading them leaves no trace of a visit).
 */
@Component
public class CsrfCookieWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                || exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")
                || PublicPaths.isPublicGuide(exchange)) {
            return chain.filter(exchange);
        }
        return token.then(chain.filter(exchange));
    }
}
