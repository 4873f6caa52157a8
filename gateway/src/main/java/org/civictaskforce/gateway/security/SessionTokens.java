package org.civictaskforce.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** The access token a signed-in browser session holds, refreshed when it has expired. */
@Component
public class SessionTokens {

    private final ReactiveOAuth2AuthorizedClientManager authorizedClients;

    public SessionTokens(ReactiveOAuth2AuthorizedClientManager authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    /**
     * The session's current access token; empty, or an {@code OAuth2AuthorizationException}, when the
     * session has none any more (the refresh token expired or was revoked).
     */
    public Mono<String> accessToken(OAuth2AuthenticationToken session, ServerWebExchange exchange) {
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
                .withClientRegistrationId(session.getAuthorizedClientRegistrationId())
                .principal(session)
                .attribute(ServerWebExchange.class.getName(), exchange)
                .build();
        return authorizedClients.authorize(request).map(client -> client.getAccessToken().getTokenValue());
    }
}
