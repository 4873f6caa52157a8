package org.civictaskforce.gateway.web;

import org.springframework.web.server.ServerWebExchange;

/** The public guide pages, {@code /guide} and below: routed to strategy-service (route {@code public-guide}). */
public final class PublicPaths {

    private PublicPaths() {
    }

    public static boolean isPublicGuide(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.equals("/guide") || path.startsWith("/guide/");
    }
}
