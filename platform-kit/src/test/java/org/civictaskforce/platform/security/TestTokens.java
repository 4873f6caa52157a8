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

    public static String token(String subject, String issuer, Duration validFor, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                .issueTime(Date.from(now.minusSeconds(validFor.isNegative() ? 600 : 0)))
                .expirationTime(Date.from(now.plus(validFor))).jwtID(UUID.randomUUID().toString())
                .claim("roles", roles).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
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
