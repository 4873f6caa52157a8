package org.civictaskforce.accesstokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class AccessTokensTest {
    static final String ISSUER = "http://identity.test";
    static final KeyPair KEYS = keys();

    final RevokedSubjects revoked = new RevokedSubjects(Duration.ofMinutes(15), Clock.systemUTC());
    final NimbusJwtDecoder decoder = decoder(revoked);

    static NimbusJwtDecoder decoder(RevokedSubjects revoked) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).validateType(false)
                .build();
        decoder.setJwtValidator(AccessTokens.validator(ISSUER, revoked));
        return decoder;
    }

    @Test
    void anAccessTokenIsAccepted() {
        Jwt jwt = decoder.decode(token(AccessTokens.TYPE, true, Instant.now(), Duration.ofMinutes(5)));
        assertThat(jwt.getSubject()).isEqualTo("person-1");
    }

    @Test
    void anIdTokenSignedWithTheSameKeyIsRefused() {
        // what the authorization server issues as an OpenID Connect ID token: typ JWT, no roles
        assertThatThrownBy(() -> decoder.decode(token("JWT", false, Instant.now(), Duration.ofMinutes(30))))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(token(null, false, Instant.now(), Duration.ofMinutes(30))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void theTypeAloneOrTheRolesAloneAreNotEnough() {
        assertThatThrownBy(() -> decoder.decode(token(AccessTokens.TYPE, false, Instant.now(), Duration.ofMinutes(5))))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(token("JWT", true, Instant.now(), Duration.ofMinutes(5))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenExpiredTenSecondsAgoIsRefused() {
        Instant issued = Instant.now().minusSeconds(310);
        assertThatThrownBy(() -> decoder.decode(token(AccessTokens.TYPE, true, issued, Duration.ofSeconds(300))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void tokensIssuedBeforeTheSubjectWasRevokedAreRefusedAndLaterOnesAccepted() {
        Instant now = Instant.now();
        String before = token(AccessTokens.TYPE, true, now.minusSeconds(60), Duration.ofMinutes(5));
        String other = tokenFor("person-2", now.minusSeconds(60));
        revoked.revoke("person-1", now.minusSeconds(30));

        assertThatThrownBy(() -> decoder.decode(before)).isInstanceOf(JwtValidationException.class);
        assertThat(decoder.decode(other).getSubject()).isEqualTo("person-2");
        assertThat(decoder.decode(token(AccessTokens.TYPE, true, now.minusSeconds(10), Duration.ofMinutes(5)))
                .getSubject()).isEqualTo("person-1");
    }

    @Test
    void revocationsOlderThanTheWindowAreForgotten() {
        RevokedSubjects shortMemory = new RevokedSubjects(Duration.ofMinutes(15), Clock.systemUTC());
        shortMemory.revoke("old", Instant.now().minus(Duration.ofMinutes(20)));
        shortMemory.revoke("new", Instant.now());
        assertThat(shortMemory.isRevoked("old", Instant.now().minus(Duration.ofMinutes(30)))).isFalse();
        assertThat(shortMemory.isRevoked("new", Instant.now().minusSeconds(5))).isTrue();
    }

    static String token(String type, boolean roles, Instant issuedAt, Duration validFor) {
        return sign("person-1", type, roles, issuedAt, validFor);
    }

    static String tokenFor(String subject, Instant issuedAt) {
        return sign(subject, AccessTokens.TYPE, true, issuedAt, Duration.ofMinutes(5));
    }

    static String sign(String subject, String type, boolean roles, Instant issuedAt, Duration validFor) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER)
                .audience("civic-gateway").issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(validFor)));
        if (roles) {
            claims.claim(AccessTokens.ROLES_CLAIM, List.of("member"));
        }
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256);
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims.build());
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
