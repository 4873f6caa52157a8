package org.civictaskforce.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.security.Principal;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Whom a request counts against: the authenticated principal if there is one, else the client's IP
 * address. The address is the TCP peer; behind a trusted reverse proxy, set
 * {@code server.forward-headers-strategy=native} so that it is the proxy's X-Forwarded-For client.
 */
@Component
public class ClientKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .filter(StringUtils::hasText)
                .map(name -> "principal:" + name)
                .defaultIfEmpty("ip:" + clientAddress(exchange));
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
