package org.civictaskforce.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.civictaskforce.accesstokens.AccessTokens;
import org.civictaskforce.accesstokens.VerifiedTokens;
import org.civictaskforce.gateway.session.ReplacedSessionCookies;
import org.civictaskforce.accesstokens.RevocationFeed;
import org.civictaskforce.accesstokens.RevokedSubjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.reactive.CorsUtils;

/**
 * Who may come in. {@code /api/**} needs a valid access token: a bearer token from an API client, or
 * the one the gateway holds for a signed-in browser session ({@link SessionTokenRelayFilter} puts it
 * on the proxied request). Only the configured public GET paths are open without one. Everything else
 * (web client files, health probes, {@code /auth/me}, sign-in and sign-out) is open as before.
 * <p>
 * The web client signs in through the gateway as a backend-for-frontend: authorization code with
 * PKCE at the identity service, tokens kept in the server-side session, only an HttpOnly session
 * cookie in the browser. Session-authenticated changes need the {@code X-XSRF-TOKEN} header (double
 * submit of the {@code XSRF-TOKEN} cookie); bearer requests carry no cookie to ride on and are exempt.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class GatewaySecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewaySecurityConfiguration.class);

    /** Where the browser lands after signing in or out. */
    private static final String HOME = "/";

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, GatewaySecurityProperties properties,
            SecurityProblems problems, ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients, ReactiveJwtDecoder jwtDecoder,
            JsonMapper jsonMapper,
            @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie,
            @Value("${server.reactive.session.cookie.secure:false}") boolean secureCookies) {
        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedServerLogoutSuccessHandler endSession = new OidcClientInitiatedServerLogoutSuccessHandler(
                registrations);
        endSession.setPostLogoutRedirectUri("{baseUrl}/");
        endSession.setLogoutSuccessUrl(URI.create(HOME));
        endSession.setRedirectStrategy(new SignOutRedirectStrategy(jsonMapper));

        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.secure(secureCookies).sameSite("Lax"));

        http.headers(headers -> headers.disable()) // SecurityHeadersWebFilter sets them on every answer
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> {
                    exchanges.matchers(preflight()).permitAll(); // answered by the CORS handling
                    for (String path : properties.publicGetPaths()) {
                        exchanges.pathMatchers(HttpMethod.GET, path).permitAll();
                    }
                    exchanges.pathMatchers("/api/**").authenticated();
                    exchanges.anyExchange().permitAll();
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests)
                        .authorizedClientRepository(authorizedClients)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler(HOME))
                        .authenticationFailureHandler(signInFailed()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenHandler())
                        .requireCsrfProtectionMatcher(sessionChanges(sessionCookie))
                        .accessDeniedHandler(problems.csrfRefused()))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
                                (exchange, authentication) -> ReplacedSessionCookies.end(exchange.getExchange())))
                        .logoutSuccessHandler(endSession));
        return http.build();
    }

    /** Back to the web client, which says so; the log gets the OAuth2 error code (no personal data). */
    private static ServerAuthenticationFailureHandler signInFailed() {
        RedirectServerAuthenticationFailureHandler redirect = new RedirectServerAuthenticationFailureHandler(
                HOME + "?signin=failed");
        return (exchange, exception) -> {
            String reason = exception instanceof OAuth2AuthenticationException oauth2
                    ? oauth2.getError().getErrorCode() : exception.getClass().getSimpleName();
            log.warn("Web sign-in failed: {}", reason);
            return redirect.onAuthenticationFailure(exchange, exception);
        };
    }

    private static ServerWebExchangeMatcher preflight() {
        return exchange -> CorsUtils.isPreFlightRequest(exchange.getRequest()) ? MatchResult.match()
                : MatchResult.notMatch();
    }

    /**
     * Unsafe methods that come with the session cookie and without a bearer token. A request without
     * the session cookie has no sign-in for a forged request to ride on (and is refused as 401 if it
     * needs one).
     */
    static ServerWebExchangeMatcher sessionChanges(String sessionCookie) {
        return exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            boolean safe = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                    || HttpMethod.OPTIONS.equals(method) || HttpMethod.TRACE.equals(method);
            boolean withSession = exchange.getRequest().getCookies().containsKey(sessionCookie);
            return !safe && withSession && !hasBearer(exchange.getRequest().getHeaders()) ? MatchResult.match()
                    : MatchResult.notMatch();
        };
    }

    static boolean hasBearer(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /**
     * Access tokens: signature (identity service's JWK set, fetched on first use), then the platform's one
     * access-token rule ({@link AccessTokens}: not an ID token, our issuer, not expired, subject not revoked). The
     * signature of a token is checked once and remembered until it expires ({@link VerifiedTokens}); the rule runs
     * on every request.
     */
    @Bean
    ReactiveJwtDecoder gatewayJwtDecoder(GatewaySecurityProperties properties, RevokedSubjects revokedSubjects) {
        NimbusReactiveJwtDecoder decoder = StringUtils.hasText(properties.publicKeyLocation())
                ? NimbusReactiveJwtDecoder.withPublicKey(readPublicKey(properties.publicKeyLocation()))
                        .validateType(false).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).validateType(false).build();
        // the signature once per token (VerifiedTokens), the rules on every request
        decoder.setJwtValidator(VerifiedTokens.signatureOnly());
        VerifiedTokens verified = new VerifiedTokens(AccessTokens.validator(properties.issuer(), revokedSubjects),
                10_000);
        return token -> {
            Jwt cached = verified.cached(token);
            Mono<Jwt> jwt = cached != null ? Mono.just(cached)
                    : decoder.decode(token).doOnNext(decoded -> verified.remember(token, decoded));
            return jwt.map(verified::validated);
        };
    }

    /** People erased or removed since their tokens (or their browser session) were issued. */
    @Bean
    RevokedSubjects revokedSubjects(GatewaySecurityProperties properties) {
        return new RevokedSubjects(properties.revocation().window(), Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "gateway.security.revocation.enabled", havingValue = "true", matchIfMissing = true)
    RevocationFeed revocationFeed(GatewaySecurityProperties properties, RevokedSubjects revokedSubjects) {
        return new RevocationFeed(properties.revocation().bootstrapServers(), "gateway-revocations", revokedSubjects,
                Clock.systemUTC()).start();
    }

    /** The identity service as OIDC provider, configured explicitly: no discovery call at start-up. */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(GatewaySecurityProperties properties) {
        GatewaySecurityProperties.Client client = properties.client();
        if (!StringUtils.hasText(client.clientSecret())) {
            log.warn("IDENTITY_GATEWAY_CLIENT_SECRET is not set: the web client's sign-in will fail");
        }
        ClientRegistration registration = ClientRegistration.withRegistrationId(client.registrationId())
                .clientId(client.clientId())
                .clientSecret(client.clientSecret() == null ? "" : client.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID)
                .authorizationUri(client.authorizationUri())
                .tokenUri(client.tokenUri())
                .jwkSetUri(properties.jwkSetUri())
                .issuerUri(properties.issuer())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", client.endSessionUri()))
                .clientName("Civic Taskforce")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /** Tokens of a signed-in browser live in its session, and go with it. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Hands out a session's access token, refreshing it with the refresh token when it has expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
                registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    private static RSAPublicKey readPublicKey(String location) {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read the public key at " + location, e);
        }
    }
}
