package org.civictaskforce.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service checks access tokens ({@code platform.security.*}).
 *
 * @param jwkSetUri         where the identity service publishes its signing keys
 * @param issuer            the only issuer whose tokens are accepted ({@code iss} must equal it)
 * @param publicKeyLocation a fixed public key instead of the key set (tests only)
 * @param publicGetPaths    GET paths open without a token: published outputs (e.g. guide editions)
 * @param revocationWindow  how long an erasure or removal is remembered to refuse earlier tokens: at least
 *                          the longest access-token lifetime plus the clock skew (default 15 minutes)
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(String jwkSetUri, String issuer, String publicKeyLocation,
        List<String> publicGetPaths, Duration revocationWindow) {
    public SecurityProperties {
        publicGetPaths = publicGetPaths == null ? List.of() : List.copyOf(publicGetPaths);
        revocationWindow = revocationWindow == null ? Duration.ofMinutes(15) : revocationWindow;
    }
}
