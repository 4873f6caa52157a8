package org.civictaskforce.gateway.security;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.civictaskforce.gateway.problem.Problem;
import org.civictaskforce.gateway.problem.ProblemResponses;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;

/**
 * Puts {@code Authorization: Bearer <access token>} on routed requests that come with a signed-in
 * browser session and no Authorization header of their own; an expired access token is refreshed
 * first. A request's own Authorization header passes unchanged. The browser's cookies (session,
 * XSRF) stay at the gateway: services authenticate by bearer token only.
 */
@Component
public class SessionTokenRelayFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(SessionTokenRelayFilter.class);

    private final SessionTokens sessionTokens;
    private final SecurityProblems securityProblems;
    private final ProblemResponses problems;

    public SessionTokenRelayFilter(SessionTokens sessionTokens, SecurityProblems securityProblems,
            ProblemResponses problems) {
        this.sessionTokens = sessionTokens;
        this.securityProblems = securityProblems;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // after the rate limit (HIGHEST_PRECEDENCE + 100), before body caching, breakers and retries
        return Ordered.HIGHEST_PRECEDENCE + 200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerWebExchange withoutCookies = exchange.mutate()
                .request(request -> request.headers(headers -> headers.remove(HttpHeaders.COOKIE)))
                .build();
        if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION) || anonymous(exchange)) {
            return chain.filter(withoutCookies);
        }
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(session -> session.isEmpty() ? chain.filter(withoutCookies)
                        : relay(session.get(), withoutCookies, chain));
    }

    /**
     * A route marked {@code anonymous: true} (the public guide pages) goes without the session's token: the
     * page is the same for everyone, and a sign-in that has expired or cannot be renewed must not stop it.
     */
    static boolean anonymous(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null && Boolean.parseBoolean(String.valueOf(route.getMetadata().get("anonymous")));
    }

    private Mono<Void> relay(OAuth2AuthenticationToken session, ServerWebExchange exchange,
            GatewayFilterChain chain) {
        return sessionTokens.accessToken(session, exchange)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(OAuth2AuthorizationException.class, e -> {
                    log.debug("The session's tokens could not be refreshed: {}", e.getError().getErrorCode());
                    return Mono.just(Optional.empty());
                })
                .onErrorResume(WebClientRequestException.class, e -> Mono.error(new IdentityUnreachable()))
                .flatMap(token -> token.isEmpty()
                        ? securityProblems.unauthenticated(exchange, SecurityProblems.SESSION_EXPIRED)
                        : chain.filter(exchange.mutate()
                                .request(request -> request.headers(
                                        headers -> headers.setBearerAuth(token.get())))
                                .build()))
                .onErrorResume(IdentityUnreachable.class, e -> problems.write(exchange, Problem.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "The identity service is not reachable to renew the sign-in; try again shortly.")));
    }

    private static final class IdentityUnreachable extends RuntimeException {
        IdentityUnreachable() {
            super(null, null, false, false);
        }
    }
}
