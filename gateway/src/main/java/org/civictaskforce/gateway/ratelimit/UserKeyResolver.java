package org.civictaskforce.gateway.ratelimit;

import java.security.Principal;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The signed-in user a request counts against: the access token's subject, whether the token came as
 * a bearer header or from the browser's session (both principals are named by {@code sub}). Empty
 * for anonymous requests, which only the per-address bucket limits.
 */
@Component
public class UserKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .filter(StringUtils::hasText)
                .map(subject -> "user:" + subject);
    }
}
