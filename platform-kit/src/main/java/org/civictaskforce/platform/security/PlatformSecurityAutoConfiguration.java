package org.civictaskforce.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import java.time.Clock;

import org.civictaskforce.accesstokens.AccessTokens;
import org.civictaskforce.accesstokens.VerifiedTokens;
import org.civictaskforce.accesstokens.RevocationFeed;
import org.civictaskforce.accesstokens.RevokedSubjects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server: a request without a valid access token from the
 * platform's identity service is refused with 401, also when it reaches the service directly and not
 * through the gateway. Open without a token: health probes, metrics for the scraper, the API
 * description, and the GET paths a service names in {@code platform.security.public-get-paths}
 * (published outputs). {@code /admin/**} and other actuator endpoints are for coordinators.
 *
 * <p>Object-level rules (own data, roles per object) are the services' own, through {@link Caller}.
 * A service that needs a different chain (the identity service) declares its own
 * {@link SecurityFilterChain} and this one steps aside.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
public class PlatformSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for a forged request to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                            "/actuator/prometheus").permitAll();
                    auth.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                            .permitAll();
                    auth.requestMatchers("/error").permitAll();
                    for (String path : properties.publicGetPaths()) {
                        auth.requestMatchers(HttpMethod.GET, path).permitAll();
                    }
                    auth.requestMatchers("/admin/**", "/actuator/**").hasRole(Role.COORDINATOR.name());
                    auth.anyRequest().authenticated();
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter()))
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    /** The {@code roles} claim becomes {@code ROLE_*} authorities; unknown role names are dropped. */
    static JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(PlatformSecurityAutoConfiguration::authorities);
        return converter;
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        Caller.rolesOf(jwt.getClaimAsStringList("roles"))
                .forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        return authorities;
    }

    /**
     * Checks signature and then the platform's one access-token rule ({@link AccessTokens}: an access
     * token and not an ID token, our issuer, not expired, its subject not revoked since it was issued).
     * Keys come from the identity service's JWK set (fetched lazily and cached, so a service starts while
     * the identity service is still starting); tests give a fixed public key instead. The signature of a token is
     * checked once and remembered until it expires ({@link VerifiedTokens}); the rule runs on every request.
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties, RevokedSubjects revokedSubjects) throws Exception {
        NimbusJwtDecoder decoder;
        if (properties.publicKeyLocation() != null && !properties.publicKeyLocation().isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(properties.publicKeyLocation()))
                    .validateType(false).build();
        } else if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).validateType(false).build();
        } else {
            throw new IllegalStateException("platform.security.jwk-set-uri (or IDENTITY_JWKS_URI) must name the "
                    + "identity service's key set");
        }
        // the signature once per token (VerifiedTokens), the rules on every request
        decoder.setJwtValidator(VerifiedTokens.signatureOnly());
        return new VerifiedTokens(AccessTokens.validator(properties.issuer(), revokedSubjects), 10_000)
                .decoder(decoder);
    }

    /** People erased or removed: their tokens issued before that stop counting at once (not at expiry). */
    @Bean
    @ConditionalOnMissingBean
    RevokedSubjects revokedSubjects(SecurityProperties properties) {
        return new RevokedSubjects(properties.revocationWindow(), Clock.systemUTC());
    }

    /** Follows membership's events for erasures and removals; off with platform.security.revocation-feed=false. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "platform.security.revocation-feed", havingValue = "true", matchIfMissing = true)
    RevocationFeed revocationFeed(RevokedSubjects revokedSubjects,
            @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
            @Value("${spring.application.name:service}") String application) {
        return new RevocationFeed(bootstrapServers, application + "-revocations", revokedSubjects, Clock.systemUTC())
                .start();
    }

    static RSAPublicKey readPublicKey(String location) throws IOException {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        }
    }
}
