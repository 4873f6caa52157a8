package org.civictaskforce.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service checks access tokens ({@code platform.security.*}).
 *
 * @param jwkSetUri         where the identity service publishes its signing keys
 * @param issuer            the only issuer whose tokens are accepted ({@code iss} must equal it)
 * @param publicKeyLocation a fixed public key instead of the key set (tests only)
 * @param publicGetPaths    GET paths open without a token: published outputs (e.g. guide editions)
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(String jwkSetUri, String issuer, String publicKeyLocation,
        List<String> publicGetPaths) {
    public SecurityProperties {
        publicGetPaths = publicGetPaths == null ? List.of() : List.copyOf(publicGetPaths);
    }
}
