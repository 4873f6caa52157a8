package org.civictaskforce.gateway.security;

import java.util.Map;
import java.util.Optional;

import org.civictaskforce.accesstokens.RevokedSubjects;
import org.civictaskforce.gateway.session.ReplacedSessionCookies;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ends the browser session of a person who was erased or removed after signing in: the session is
 * invalidated on their next request, which is answered as signed out ({@code /auth/me}) or 401. Their
 * bearer tokens are refused by the token rule itself ({@link RevokedSubjects} in the decoder).
 */
@Component
public class RevokedSessionWebFilter implements WebFilter, Ordered {

    private final RevokedSubjects revokedSubjects;
    private final SecurityProblems problems;
    private final JsonMapper jsonMapper;

    public RevokedSessionWebFilter(RevokedSubjects revokedSubjects, SecurityProblems problems, JsonMapper jsonMapper) {
        this.revokedSubjects = revokedSubjects;
        this.problems = problems;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public int getOrder() {
        return 0; // after Spring Security's filter chain (-100), which has loaded the session's sign-in
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .filter(this::revoked)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(revoked -> revoked.isEmpty() ? chain.filter(exchange)
                        : ReplacedSessionCookies.end(exchange).then(signedOut(exchange)));
    }

    private boolean revoked(OAuth2AuthenticationToken session) {
        if (session.getPrincipal() instanceof OidcUser user) {
            return revokedSubjects.isRevoked(user.getSubject(), user.getIssuedAt());
        }
        return revokedSubjects.isRevoked(session.getName(), null);
    }

    private Mono<Void> signedOut(ServerWebExchange exchange) {
        if (!"/auth/me".equals(exchange.getRequest().getPath().value())) {
            return problems.unauthenticated(exchange, SecurityProblems.SESSION_EXPIRED);
        }
        byte[] json = jsonMapper.writeValueAsBytes(Map.of("signedIn", false));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setCacheControl(CacheControl.noStore());
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json)));
    }
}
