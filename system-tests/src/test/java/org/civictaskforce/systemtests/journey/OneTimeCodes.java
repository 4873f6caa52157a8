package org.civictaskforce.systemtests.journey;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a person's authenticator app does, for the journeys that turn on a second factor: RFC 6238 codes
 * (HMAC-SHA1, 6 digits, 30-second steps) from the base32 key the identity service shows. Written here
 * independently of the identity service's own implementation, so the journeys check it rather than reuse it.
 */
final class OneTimeCodes {
    static final long STEP_SECONDS = 30;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private OneTimeCodes() {
    }

    /** The time step of now. */
    static long currentStep() {
        return System.currentTimeMillis() / 1000 / STEP_SECONDS;
    }

    /** The code of a time step for a base32 key (spaces and padding ignored). */
    static String code(String base32Key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(base32Key), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0xf;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16)
                    | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A six-digit code that is not the right one for that step. */
    static String wrongCode(String base32Key, long step) {
        return String.format(Locale.ROOT, "%06d", (Integer.parseInt(code(base32Key, step)) + 1) % 1_000_000);
    }

    /** RFC 4648 base32, without padding. */
    static byte[] base32(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | BASE32.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
