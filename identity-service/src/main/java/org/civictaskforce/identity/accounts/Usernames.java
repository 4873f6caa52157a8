package org.civictaskforce.identity.accounts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Usernames are compared and stored normalised: NFKC, trimmed, lower case. A pseudonym is fine. */
public final class Usernames {
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}._@-]{3,64}");

    private Usernames() {
    }

    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    public static boolean valid(String normalised) {
        return ALLOWED.matcher(normalised).matches();
    }
}
