package org.civictaskforce.identity.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B (SHA1 rows), RFC 4648 base32 vectors, tolerance, replay and the secret's encryption. */
class TotpTest {
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0}")
    @CsvSource({
            "59, 0000000000000001, 94287082",
            "1111111109, 00000000023523EC, 07081804",
            "1111111111, 00000000023523ED, 14050471",
            "1234567890, 000000000273EF07, 89005924",
            "2000000000, 0000000003F940AA, 69279037",
            "20000000000, 0000000027BC86AA, 65353130" })
    void rfc6238TestVectorsSha1(long seconds, String hexStep, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(step).isEqualTo(Long.parseLong(hexStep, 16));
        assertThat(Totp.code(RFC_SEED, step, 8)).isEqualTo(expected);
        assertThat(Totp.code(RFC_SEED, step, 6)).isEqualTo(expected.substring(2));
    }

    @Test
    void acceptsOneStepEitherSideAndNothingFurther() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        assertThat(Totp.match(RFC_SEED, "050471", now, -1)).isEqualTo(OptionalLong.of(step));
        assertThat(Totp.match(RFC_SEED, "050 471", now, -1)).as("spaces are ignored").isEqualTo(OptionalLong.of(step));
        assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, step - 1, 6), now, -1)).hasValue(step - 1);
        assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, step + 1, 6), now, -1)).hasValue(step + 1);
        assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, step - 2, 6), now, -1)).isEmpty();
        assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, step + 2, 6), now, -1)).isEmpty();
        assertThat(Totp.match(RFC_SEED, "14050471", now, -1)).as("8 digits").isEmpty();
        assertThat(Totp.match(RFC_SEED, "abcdef", now, -1)).isEmpty();
        assertThat(Totp.match(RFC_SEED, null, now, -1)).isEmpty();
        assertThat(Totp.match(RFC_SEED, "", now, -1)).isEmpty();
    }

    @Test
    void aCodeOfTheUsedStepOrAnEarlierOneIsRefused() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        String code = Totp.code(RFC_SEED, step, 6);
        assertThat(Totp.match(RFC_SEED, code, now, step - 1)).hasValue(step);
        assertThat(Totp.match(RFC_SEED, code, now, step)).isEmpty();
        assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, step - 1, 6), now, step)).isEmpty();
        assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, step + 1, 6), now, step)).hasValue(step + 1);
    }

    @ParameterizedTest
    @CsvSource({ "'',''", "f,MY", "fo,MZXQ", "foo,MZXW6", "foob,MZXW6YQ", "fooba,MZXW6YTB", "foobar,MZXW6YTBOI" })
    void base32AsRfc4648WithoutPadding(String text, String expected) {
        assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
    }

    @Test
    void base32OfTheRfcSeed() {
        assertThat(Base32.encode(RFC_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    @Test
    void secretsAreSealedWithTheAccountIdAsAssociatedData() {
        SecretCipher cipher = new SecretCipher("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        String sealed = cipher.seal(RFC_SEED, "acct-1");
        assertThat(sealed).startsWith("aes-gcm:").doesNotContain(java.util.Base64.getEncoder().encodeToString(RFC_SEED));
        assertThat(cipher.seal(RFC_SEED, "acct-1")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.open(sealed, "acct-1")).isEqualTo(RFC_SEED);
        assertThatThrownBy(() -> cipher.open(sealed, "acct-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretCipher("").open(sealed, "acct-1")).isInstanceOf(IllegalStateException.class);

        SecretCipher none = new SecretCipher(null);
        String plain = none.seal(RFC_SEED, "acct-1");
        assertThat(plain).startsWith("plain:");
        assertThat(cipher.open(plain, "acct-1")).as("still readable once a key is set").isEqualTo(RFC_SEED);
        assertThatThrownBy(() -> new SecretCipher("c2hvcnQ=")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
