package org.civictaskforce.identity.accounts;

import java.nio.charset.StandardCharsets;

/** The password rule: at least 12 characters; at most 72 bytes (what bcrypt hashes). */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private Passwords() {
    }

    /** @return why the password is refused, or null if it is acceptable */
    public static String problem(String password, String repeated) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "The password must have at least " + MIN_LENGTH + " characters.";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "The password is too long (at most " + MAX_BYTES + " bytes; a few long words are enough).";
        }
        if (repeated != null && !password.equals(repeated)) {
            return "The two passwords differ.";
        }
        return null;
    }
}
