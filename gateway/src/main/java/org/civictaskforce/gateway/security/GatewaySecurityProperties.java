package org.civictaskforce.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access tokens at the edge and the web client's sign-in ({@code gateway.security.*}). Nothing here
 * is fetched at start-up: keys come from the identity service's JWK set on the first token, so the
 * gateway starts while the identity service is still starting.
 *
 * @param issuer            the only issuer whose tokens are accepted, also the ID token's {@code iss}
 *                          ({@code IDENTITY_ISSUER})
 * @param jwkSetUri         the identity service's signing keys ({@code IDENTITY_JWKS_URI})
 * @param publicKeyLocation a fixed RSA public key (PEM) instead of the key set: tests only
 * @param publicGetPaths    GET paths under {@code /api} open without a token (published outputs)
 * @param client            the gateway as OAuth2 client of the identity service (web client sign-in)
 * @param revocation        following membership's events to refuse the tokens and end the sessions of people
 *                          erased or removed
 */
@ConfigurationProperties("gateway.security")
public record GatewaySecurityProperties(
        @DefaultValue("http://localhost:9000") String issuer,
        @DefaultValue("http://localhost:9000/oauth2/jwks") String jwkSetUri,
        String publicKeyLocation,
        List<String> publicGetPaths,
        @DefaultValue Client client,
        @DefaultValue Revocation revocation) {

    public GatewaySecurityProperties {
        publicGetPaths = publicGetPaths == null ? List.of() : List.copyOf(publicGetPaths);
    }

    /**
     * @param enabled          follow {@code membership.events.v1} (off only in tests without a broker)
     * @param bootstrapServers the Kafka brokers ({@code KAFKA_BOOTSTRAP_SERVERS})
     * @param window           how long a revocation is remembered: the longest token lifetime and then some
     */
    public record Revocation(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("localhost:9092") String bootstrapServers,
            @DefaultValue("15m") Duration window) {
    }

    /**
     * @param registrationId   the registration's id, part of {@code /oauth2/authorization/{id}} and the redirect URI
     * @param clientId         {@code civic-gateway}
     * @param clientSecret     a secret ({@code IDENTITY_GATEWAY_CLIENT_SECRET}); no default
     * @param authorizationUri where the browser is sent to sign in ({@code IDENTITY_AUTHORIZATION_URI})
     * @param tokenUri         where the gateway exchanges codes and refresh tokens ({@code IDENTITY_TOKEN_URI})
     * @param endSessionUri    the OIDC end-session endpoint the browser is sent to on sign-out
     *                         ({@code IDENTITY_END_SESSION_URI})
     */
    public record Client(
            @DefaultValue("civic") String registrationId,
            @DefaultValue("civic-gateway") String clientId,
            String clientSecret,
            @DefaultValue("http://localhost:9000/oauth2/authorize") String authorizationUri,
            @DefaultValue("http://localhost:9000/oauth2/token") String tokenUri,
            @DefaultValue("http://localhost:9000/connect/logout") String endSessionUri) {
    }
}
