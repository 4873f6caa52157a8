package org.civictaskforce.gateway.security;

import java.net.URI;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where the browser goes after signing out (the identity service's end-session endpoint): a plain
 * 302 for a form post; for the web client's script, which asks for JSON, {@code 200
 * {"redirect": "..."}} so that it navigates there itself (a fetch cannot follow a redirect to
 * another origin, and the page's CSP {@code form-action 'self'} would stop a form's redirect).
 */
final class SignOutRedirectStrategy implements ServerRedirectStrategy {

    private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();
    private final JsonMapper jsonMapper;

    SignOutRedirectStrategy(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> sendRedirect(ServerWebExchange exchange, URI location) {
        List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
        boolean wantsJson = accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON)
                && !type.isWildcardType());
        if (!wantsJson) {
            return redirect.sendRedirect(exchange, location);
        }
        byte[] json = jsonMapper.writeValueAsBytes(Map.of("redirect", location.toString()));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setCacheControl(CacheControl.noStore());
        response.getHeaders().setContentLength(json.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json)));
    }
}
