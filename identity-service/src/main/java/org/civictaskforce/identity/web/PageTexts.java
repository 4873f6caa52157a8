package org.civictaskforce.identity.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The words of the pages in one language, from {@code i18n/messages*.properties} (UTF-8; {@code messages.properties}
 * is English). A key missing in a language comes from Russian, then English: the region's languages are often
 * read next to Russian. A key missing in English is a programming error.
 */
record PageTexts(String language) {
    static final String BASE = "i18n/messages";
    private static final Map<String, ResourceBundle> BUNDLES = load();

    static PageTexts of(jakarta.servlet.http.HttpServletRequest request) {
        return new PageTexts(PageLanguage.of(request));
    }

    /** The text for {@code key}; {@code {0}}, {@code {1}} … replaced by the arguments (no other syntax). */
    String text(String key, Object... arguments) {
        String text = null;
        for (String language : fallbacks(language)) {
            ResourceBundle bundle = BUNDLES.get(language);
            if (bundle != null && bundle.containsKey(key)) {
                text = bundle.getString(key);
                break;
            }
        }
        if (text == null) {
            throw new IllegalArgumentException("no page text " + key);
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    static List<String> fallbacks(String language) {
        return switch (language) {
            case "en" -> List.of("en");
            case "ru" -> List.of("ru", "en");
            default -> List.of(language, "ru", "en");
        };
    }

    /** The file of a language: {@code i18n/messages.properties} for English, {@code i18n/messages_xx.properties} else. */
    static String resource(String language) {
        return BASE + (PageLanguage.DEFAULT.equals(language) ? "" : "_" + language) + ".properties";
    }

    /** One bundle per language, read as strict UTF-8 (a file in another encoding fails at start-up, not on a page). */
    static ResourceBundle read(String language) throws IOException {
        InputStream in = PageTexts.class.getClassLoader().getResourceAsStream(resource(language));
        if (in == null) {
            throw new IOException("missing " + resource(language));
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            return new PropertyResourceBundle(reader);
        }
    }

    private static Map<String, ResourceBundle> load() {
        Map<String, ResourceBundle> bundles = new HashMap<>();
        for (String language : PageLanguage.SUPPORTED) {
            try {
                bundles.put(language, read(language));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the page texts " + resource(language), e);
            }
        }
        return Map.copyOf(bundles);
    }
}
