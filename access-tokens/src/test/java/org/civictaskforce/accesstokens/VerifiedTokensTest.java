package org.civictaskforce.accesstokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The signature is checked once per token; the access-token rule on every use. */
class VerifiedTokensTest {
    final RevokedSubjects revoked = new RevokedSubjects(Duration.ofMinutes(15), Clock.systemUTC());
    final AtomicInteger signatureChecks = new AtomicInteger();
    final VerifiedTokens verified = new VerifiedTokens(AccessTokens.validator(AccessTokensTest.ISSUER, revoked), 100);
    final JwtDecoder decoder = verified.decoder(token -> {
        signatureChecks.incrementAndGet();
        return signatureOnly().decode(token);
    });

    private static NimbusJwtDecoder signatureOnly() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) AccessTokensTest.KEYS.getPublic())
                .validateType(false).build();
        nimbus.setJwtValidator(VerifiedTokens.signatureOnly());
        return nimbus;
    }

    @Test
    void theSignatureOfATokenIsCheckedOnceAndTheRuleEveryTime() {
        Instant now = Instant.now();
        String token = AccessTokensTest.token(AccessTokens.TYPE, true, now, Duration.ofMinutes(5));

        for (int i = 0; i < 5; i++) {
            assertThat(decoder.decode(token).getSubject()).isEqualTo("person-1");
        }
        assertThat(signatureChecks).hasValue(1);

        // an erasure after the token was issued stops the remembered token at once
        revoked.revoke("person-1", now.plusSeconds(1));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenThatBreaksTheRuleIsRefusedEvenOnceItsSignatureIsKnown() {
        String idToken = AccessTokensTest.token("JWT", false, Instant.now(), Duration.ofMinutes(5));

        assertThatThrownBy(() -> decoder.decode(idToken)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(idToken)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenWithABadSignatureIsNeverRemembered() {
        String token = AccessTokensTest.token(AccessTokens.TYPE, true, Instant.now(), Duration.ofMinutes(5));
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(signatureChecks).hasValue(2);
        assertThat(verified.size()).isZero();
    }

    @Test
    void anExpiredTokenIsNotKept() {
        String expired = AccessTokensTest.token(AccessTokens.TYPE, true, Instant.now().minus(Duration.ofMinutes(10)),
                Duration.ofMinutes(5));

        assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtValidationException.class);
        assertThat(verified.size()).isZero();
    }
}
