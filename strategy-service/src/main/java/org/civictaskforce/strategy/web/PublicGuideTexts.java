package org.civictaskforce.strategy.web;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The words of the public guide pages in the platform's seven languages, from
 * {@code guide-page/texts*.properties} (UTF-8; {@code texts.properties} is English), and which language a
 * browser asks for: the same seven, names and order as identity-service's {@code PageLanguage} and the web client.
 */
final class PublicGuideTexts {
    static final String DEFAULT = "en";
    /** Each language's name in itself, in the web client's order. */
    static final Map<String, String> NAMES;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("en", "English");
        names.put("ru", "Русский");
        names.put("kk", "Қазақша");
        names.put("ky", "Кыргызча");
        names.put("tg", "Тоҷикӣ");
        names.put("tk", "Türkmençe");
        names.put("uz", "Oʻzbekcha");
        NAMES = java.util.Collections.unmodifiableMap(names);
    }

    static final List<String> LANGUAGES = List.copyOf(NAMES.keySet());

    private final String language;
    private final ResourceBundle bundle;

    private PublicGuideTexts(String language) {
        this.language = language;
        // no fallback to the JVM's default locale: a language without its file would be English, never another
        this.bundle = ResourceBundle.getBundle("guide-page/texts", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static PublicGuideTexts of(String language) {
        return new PublicGuideTexts(language);
    }

    String language() {
        return language;
    }

    Locale locale() {
        return Locale.forLanguageTag(language);
    }

    String get(String key, Object... values) {
        String pattern = bundle.getString(key);
        return values.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(values);
    }

    static boolean supported(String language) {
        return NAMES.containsKey(language);
    }

    /** The first of the browser's languages (by weight) that the pages speak: "tg, ru;q=0.8" is Tajik. */
    static Optional<String> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> range.getRange().toLowerCase(Locale.ROOT).split("[-_]", 2)[0])
                    .filter(NAMES::containsKey)
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
