package org.civictaskforce.identity.secondfactor;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 with the parameters every authenticator app uses by default:
 * HMAC-SHA1, 30-second steps from the Unix epoch, 6 digits. A code is accepted for the current step and one
 * step either side (clock drift, typing time).
 */
public final class Totp {
    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    public static final int TOLERANCE = 1;
    private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

    private Totp() {
    }

    /** The time step {@code now} falls in. */
    public static long step(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for {@code step} with {@code digits} digits (RFC 4226 dynamic truncation), zero-padded. */
    public static String code(byte[] key, long step, int digits) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("1 to 8 digits");
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step whose 6-digit code {@code typed} is, within the tolerance around {@code now} and later than
     * {@code usedStep} (a code of that step or an earlier one was already used: replay). Spaces in the typed
     * code are ignored; anything else than 6 digits matches nothing. All candidate steps are compared, in
     * constant time.
     */
    public static OptionalLong match(byte[] key, String typed, Instant now, long usedStep) {
        String code = typed == null ? "" : typed.replace(" ", "");
        if (!code.matches("[0-9]{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long matched = Long.MIN_VALUE;
        for (long step = current - TOLERANCE; step <= current + TOLERANCE; step++) {
            boolean equal = MessageDigest.isEqual(code(key, step, DIGITS).getBytes(), code.getBytes());
            if (equal && step > usedStep && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }
}
