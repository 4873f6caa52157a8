package org.civictaskforce.gateway.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /auth/me}: whether this browser (or bearer) is signed in, as whom (the token's subject,
 * an id, never a name) and with which working-group roles (from the access token the services see).
 */
@RestController
public class SignInStatusController {

    static final Set<String> ROLES = Set.of("coordinator", "expert", "member", "translator", "observer");

    private final SessionTokens sessionTokens;
    private final ReactiveJwtDecoder jwtDecoder;

    public SignInStatusController(SessionTokens sessionTokens, ReactiveJwtDecoder jwtDecoder) {
        this.sessionTokens = sessionTokens;
        this.jwtDecoder = jwtDecoder;
    }

    @GetMapping(path = "/auth/me", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> me(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .flatMap(principal -> accessToken(principal, exchange))
                .map(SignInStatusController::signedIn)
                .defaultIfEmpty(Map.of("signedIn", false))
                .map(body -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body));
    }

    private Mono<Jwt> accessToken(Object principal, ServerWebExchange exchange) {
        if (principal instanceof JwtAuthenticationToken bearer) {
            return Mono.just(bearer.getToken());
        }
        if (principal instanceof OAuth2AuthenticationToken session) {
            // a session whose tokens cannot be renewed any more counts as signed out
            return sessionTokens.accessToken(session, exchange).flatMap(jwtDecoder::decode)
                    .onErrorResume(e -> Mono.empty());
        }
        return Mono.empty();
    }

    private static Map<String, Object> signedIn(Jwt token) {
        List<String> claimed = token.getClaimAsStringList("roles");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signedIn", true);
        body.put("subject", token.getSubject());
        body.put("roles", claimed == null ? List.of() : claimed.stream().filter(ROLES::contains).sorted().toList());
        return body;
    }
}
