package org.civictaskforce.notification.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The languages to try for a recipient, best first: their own, then Russian (the lingua franca of the
 * region, so a Kazakh or Kyrgyz speaker reads Russian until their language has a template), then English.
 */
public final class LanguageFallback {
    public static final String RUSSIAN = "ru";
    public static final String ENGLISH = "en";

    private LanguageFallback() {
    }

    public static List<String> candidates(String preferred) {
        Set<String> order = new LinkedHashSet<>();
        if (preferred != null) {
            String code = preferred.trim().toLowerCase(Locale.ROOT);
            if (code.matches("[a-z]{2,3}")) { // a language code, never a path
                order.add(code);
            }
        }
        order.add(RUSSIAN);
        order.add(ENGLISH);
        return List.copyOf(order);
    }
}
