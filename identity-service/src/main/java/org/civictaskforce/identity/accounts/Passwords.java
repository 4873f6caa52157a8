package org.civictaskforce.identity.accounts;

import java.nio.charset.StandardCharsets;

/** The password rule: at least 12 characters; at most 72 bytes (what bcrypt hashes). */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    /** Why a password is refused: the pages show each in the person's language. */
    public enum Problem {
        TOO_SHORT("The password must have at least " + MIN_LENGTH + " characters."),
        TOO_LONG("The password is too long (at most " + MAX_BYTES + " bytes; a few long words are enough)."),
        DIFFERENT("The two passwords differ.");

        private final String message;

        Problem(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private Passwords() {
    }

    /** @return why the password is refused (in English), or null if it is acceptable */
    public static String problem(String password, String repeated) {
        Problem problem = check(password, repeated);
        return problem == null ? null : problem.message();
    }

    /** @return why the password is refused, or null if it is acceptable */
    public static Problem check(String password, String repeated) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Problem.TOO_SHORT;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Problem.TOO_LONG;
        }
        if (repeated != null && !password.equals(repeated)) {
            return Problem.DIFFERENT;
        }
        return null;
    }
}
