package org.civictaskforce.identity.config;

import java.io.IOException;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.accesstokens.AccessTokens;
import org.civictaskforce.accesstokens.RevokedSubjects;
import org.civictaskforce.identity.authorizations.MongoAuthorizationService;
import org.civictaskforce.identity.keys.SigningKeys;
import org.civictaskforce.identity.membership.AccountService;
import org.civictaskforce.identity.membership.Roles;
import org.civictaskforce.identity.settings.IdentityProperties;
import org.civictaskforce.identity.signin.AccountSignIn;
import org.civictaskforce.identity.signin.SignInDetails;
import org.civictaskforce.identity.web.SignInLanguage;
import org.civictaskforce.platform.web.CorrelationId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Three filter chains: the authorization server's protocol endpoints; {@code /api/identity/**},
 * {@code /admin/**} and the actuator as a resource server for tokens this server issued; and the pages (sign-in,
 * enrolment) with a session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    /** The claim with the working-group roles (lower case) in every access token. */
    public static final String ROLES_CLAIM = AccessTokens.ROLES_CLAIM;

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        RequestMatcher endpoints = authorizationServer.getEndpointsMatcher();
        http.securityMatcher(endpoints)
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(endpoints))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        SignInLanguage.entryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthenticated = SecurityConfiguration::unauthenticated;
        AccessDeniedHandler forbidden = (request, response, denied) -> problem(response, HttpStatus.FORBIDDEN,
                "/problems/forbidden", "Forbidden", "Your roles do not allow this.");
        // the actuator too: health and the scraper's metrics are open, everything else is for coordinators'
        // bearer tokens (a signed-in page session is no way in)
        // the API description too: open like every service's (it describes, it holds no personal data)
        http.securityMatcher("/api/identity/**", "/admin/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/identity/enrolments").hasRole(Roles.COORDINATOR)
                        .requestMatchers("/admin/**", "/actuator/**").hasRole(Roles.COORDINATOR)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pagesChain(HttpSecurity http, AccountSignIn signIn) throws Exception {
        // a JSON enrolment carries its one-time token in the body and cannot be sent cross-site without CORS
        RequestMatcher jsonEnrolment = request -> "POST".equals(request.getMethod())
                && "/enrol".equals(request.getServletPath()) && request.getContentType() != null
                && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/enrol", "/error", "/actuator/health", "/actuator/health/**",
                                "/actuator/prometheus")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll().authenticationDetailsSource(SignInDetails::new)
                        // "/login?error", in the language the form was in
                        .failureHandler(SignInLanguage.failureHandler()))
                // AccountSignIn only: no second, password-only provider that ProviderManager would try after it
                .authenticationProvider(signIn)
                .csrf(csrf -> csrf.ignoringRequestMatchers(jsonEnrolment))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'")));
        return http.build();
    }

    static JwtAuthenticationConverter rolesConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties, PasswordEncoder encoder) {
        IdentityProperties.Gateway gateway = properties.gateway();
        if (gateway.clientSecret() == null || gateway.clientSecret().isBlank()) {
            throw new IllegalStateException("identity.gateway.client-secret is empty: set IDENTITY_GATEWAY_CLIENT_SECRET"
                    + " to the secret the gateway uses (there is deliberately no default)");
        }
        RegisteredClient.Builder client = RegisteredClient.withId(UUID.nameUUIDFromBytes(
                        gateway.clientId().getBytes(StandardCharsets.UTF_8)).toString())
                .clientId(gateway.clientId())
                .clientSecret(encoder.encode(gateway.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.tokens().accessTokenTtl())
                        .refreshTokenTimeToLive(properties.tokens().refreshTokenTtl())
                        .reuseRefreshTokens(false)
                        .build());
        gateway.redirectUris().stream().filter(u -> !u.isBlank()).forEach(client::redirectUri);
        gateway.postLogoutRedirectUris().stream().filter(u -> !u.isBlank()).forEach(client::postLogoutRedirectUri);
        return new InMemoryRegisteredClientRepository(client.build());
    }

    /** In MongoDB: any replica exchanges a code or a refresh token another one issued; restarts keep them. */
    @Bean
    MongoAuthorizationService authorizationService(MongoTemplate mongo) {
        // the system clock, as the authorization server itself uses for token times
        return new MongoAuthorizationService(mongo, Clock.systemUTC());
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService() {
        return new InMemoryOAuth2AuthorizationConsentService();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return new ImmutableJWKSet<>(new JWKSet(keys.current()));
    }

    /**
     * Accepts only access tokens this server issued, by the platform's one rule ({@link AccessTokens}): our
     * key, our issuer, not expired, {@code typ: at+jwt} with a roles claim (an ID token is refused), and not
     * issued before its subject was erased or removed.
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentityProperties properties,
            RevokedSubjects revokedSubjects) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build(); // no typ check by Nimbus: ours wants at+jwt
        decoder.setJwtValidator(AccessTokens.validator(properties.issuer(), revokedSubjects));
        return decoder;
    }

    /**
     * Access tokens: {@code sub} (already the person or account id, see AccountPrincipal) and {@code roles};
     * no name, no e-mail. ID tokens: {@code sub} and the standard claims only. A token is refused (also on
     * refresh) once the account is gone.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(AccountService accounts) {
        return context -> {
            String subject = context.getPrincipal().getName();
            List<String> roles = accounts.rolesOf(subject).orElseThrow(() -> new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "the account no longer exists", null)));
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                // RFC 9068's type marks it as an access token: resource servers refuse anything else
                context.getJwsHeader().type(AccessTokens.TYPE);
                context.getClaims().subject(subject).claim(ROLES_CLAIM, roles);
            } else {
                context.getClaims().subject(subject);
            }
        };
    }

    private static void unauthenticated(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", e instanceof OAuth2AuthenticationException
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        problem(response, HttpStatus.UNAUTHORIZED, "/problems/unauthenticated", "Unauthenticated",
                "Send a valid bearer token issued by this server.");
    }

    static void problem(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String correlationId = CorrelationId.current();
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\""
                + (correlationId == null ? "" : ",\"correlationId\":\"" + correlationId + "\"") + "}");
    }
}
