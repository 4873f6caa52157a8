package org.civictaskforce.identity.settings;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code identity.*}: the issuer, the one registered client (the gateway), token lifetimes, enrolment
 * links, brute-force lockout, the optional bootstrap coordinator and the key for second-factor secrets. Secrets
 * ({@code identity.gateway.client-secret}, {@code identity.bootstrap.password}) have no usable default.
 */
@ConfigurationProperties("identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:9000") String issuer,
        @DefaultValue Gateway gateway,
        @DefaultValue Tokens tokens,
        @DefaultValue Enrolment enrolment,
        @DefaultValue Lockout lockout,
        @DefaultValue Bootstrap bootstrap,
        @DefaultValue SecondFactor secondFactor) {

    public record Gateway(
            @DefaultValue("civic-gateway") String clientId,
            String clientSecret,
            @DefaultValue("http://localhost:8080/login/oauth2/code/civic") List<String> redirectUris,
            @DefaultValue("http://localhost:8080/") List<String> postLogoutRedirectUris) {
    }

    /**
     * @param authorizationsCleanUp how often stored authorizations whose tokens have all expired are removed
     */
    public record Tokens(
            @DefaultValue("5m") Duration accessTokenTtl,
            @DefaultValue("8h") Duration refreshTokenTtl,
            @DefaultValue("5m") Duration authorizationsCleanUp) {
    }

    public record Enrolment(@DefaultValue("72h") Duration validity) {
    }

    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {
    }

    /** {@code encryption-key}: 32 bytes, base64, for second-factor secrets at rest; empty: stored unencrypted. */
    public record SecondFactor(String encryptionKey) {
    }

    public record Bootstrap(String username, String password) {
        public boolean configured() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }
    }
}
