package org.civictaskforce.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * The client's IP address: the TCP peer; behind a trusted reverse proxy, set
 * {@code server.forward-headers-strategy=native} so that it is the proxy's X-Forwarded-For client.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
