package org.civictaskforce.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.springframework.security.converter.RsaKeyConverters;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens for tests, signed with the test-only key in {@code test-jwt/} (which services under
 * test trust through {@link #PROPERTY}). They go through the very same verification as real tokens;
 * only the key differs.
 */
public final class TestTokens {
    /** Put this property in a service's test configuration to trust these tokens. */
    public static final String PROPERTY = "platform.security.public-key-location=classpath:test-jwt/public.pem";
    public static final String ISSUER = "http://test-issuer";
    private static final PrivateKey KEY = load();
    /** The subject of {@link #coordinator()}. */
    public static final String COORDINATOR_ID = "test-coordinator";

    private TestTokens() {
    }

    /** {@code Authorization} header value for a person with these roles. */
    public static String bearer(String subject, Role... roles) {
        return "Bearer " + token(subject, ISSUER, Duration.ofMinutes(5),
                Arrays.stream(roles).map(Role::claim).toList());
    }

    /** A coordinator who is not one of the test's people. */
    public static String coordinator() {
        return bearer(COORDINATOR_ID, Role.COORDINATOR);
    }

    /** A signed-in person with no working-group role (invited, not yet active). */
    public static String person(String personId) {
        return bearer(personId);
    }

    /** A token that expired a minute ago. */
    public static String expired(String subject, Role... roles) {
        return "Bearer " + token(subject, ISSUER, Duration.ofMinutes(-1),
                Arrays.stream(roles).map(Role::claim).toList());
    }

    /** {@code Authorization} header value for a token issued at {@code issuedAt}, valid 5 minutes from then. */
    public static String bearerIssuedAt(Instant issuedAt, String subject, Role... roles) {
        return "Bearer " + sign(subject, ISSUER, issuedAt, issuedAt.plus(Duration.ofMinutes(5)),
                Arrays.stream(roles).map(Role::claim).toList(), "at+jwt");
    }

    /**
     * What the identity service issues as an OpenID Connect ID token: same key, issuer and subject, but
     * {@code typ: JWT} and no roles. No resource server may accept it.
     */
    public static String idToken(String subject) {
        Instant now = Instant.now();
        return "Bearer " + sign(subject, ISSUER, now, now.plus(Duration.ofMinutes(30)), null, "JWT");
    }

    public static String token(String subject, String issuer, Duration validFor, List<String> roles) {
        Instant now = Instant.now();
        return sign(subject, issuer, now.minusSeconds(validFor.isNegative() ? 600 : 0), now.plus(validFor), roles,
                "at+jwt");
    }

    private static String sign(String subject, String issuer, Instant issuedAt, Instant expiresAt, List<String> roles,
            String type) {
        JWTClaimsSet.Builder claimSet = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                .audience("civic-gateway").issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString());
        if (roles != null) {
            claimSet.claim("roles", roles);
        }
        JWTClaimsSet claims = claimSet.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test")
                .type(new JOSEObjectType(type)).build(), claims);
        try {
            jwt.sign(new RSASSASigner(KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static PrivateKey load() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/test-jwt/private.pem")) {
            return RsaKeyConverters.pkcs8().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
