package org.civictaskforce.accesstokens;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Access tokens whose signature has been verified, kept until they expire, so that the RSA check runs once per
 * token instead of once per request. Profiled under load (docs/benchmarks.md, "What the gateway costs"), signature
 * verification was a third of the gateway's CPU and over a quarter of a service's: the same token, the same
 * answer, every request.
 *
 * <p>Only the signature is remembered. The rules ({@link AccessTokens#validator}: an access token, our issuer, not
 * expired, its subject not revoked since it was issued) run on every use, so an erasure or removal still stops a
 * token at once. The key is the whole token text, so a hit means exactly the bytes whose signature was checked. An
 * entry leaves when its token expires, or the least recently used when {@code maximumSize} is reached.
 */
public final class VerifiedTokens {
    private final OAuth2TokenValidator<Jwt> rules;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(OAuth2TokenValidator<Jwt> rules, long maximumSize) {
        this.rules = rules;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new UntilExpiry()).build();
    }

    /** For the decoder that checks the signature only: the rules are applied by {@link #validated} on every use. */
    public static OAuth2TokenValidator<Jwt> signatureOnly() {
        return jwt -> OAuth2TokenValidatorResult.success();
    }

    /** The token's claims if its signature was verified before and it has not expired yet; otherwise {@code null}. */
    public Jwt cached(String token) {
        return verified.getIfPresent(token);
    }

    /** Remembers a token whose signature was just verified. */
    public void remember(String token, Jwt jwt) {
        verified.put(token, jwt);
    }

    /** The token if it passes the rules now. */
    public Jwt validated(Jwt jwt) {
        OAuth2TokenValidatorResult result = rules.validate(jwt);
        if (result.hasErrors()) {
            String description = result.getErrors().iterator().next().getDescription();
            throw new JwtValidationException(description == null ? "invalid access token" : description,
                    result.getErrors());
        }
        return jwt;
    }

    /**
     * A decoder for a servlet service: {@code signatureOnly} checks the signature (its validator is
     * {@link #signatureOnly()}), this remembers the result and applies the rules on every use.
     */
    public JwtDecoder decoder(JwtDecoder signatureOnly) {
        return token -> {
            Jwt jwt = cached(token);
            if (jwt == null) {
                jwt = signatureOnly.decode(token);
                remember(token, jwt);
            }
            return validated(jwt);
        };
    }

    /** How many verified tokens are held (for tests and metrics). */
    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** An entry lives until its token's {@code exp} (a token without one is not kept). */
    private static final class UntilExpiry implements Expiry<String, Jwt> {
        @Override
        public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
            Instant expiresAt = jwt.getExpiresAt();
            if (expiresAt == null) {
                return 0;
            }
            return Math.max(0, Duration.between(Instant.now(), expiresAt).toNanos());
        }

        @Override
        public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
