package org.civictaskforce.identity.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which of the platform's seven languages a page is shown in: the {@code lang} parameter if it names one of them
 * (the switcher's links and the forms' hidden field), else the {@code civic-lang} cookie the web client sets
 * (same host name, so it reaches this server too), else the best match in {@code Accept-Language}, else English.
 */
final class PageLanguage {
    static final String PARAM = "lang";
    static final String COOKIE = "civic-lang";
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

    static final List<String> SUPPORTED = List.copyOf(NAMES.keySet());

    private PageLanguage() {
    }

    static String of(HttpServletRequest request) {
        return fromParameter(request)
                .or(() -> fromCookie(request.getCookies()))
                .or(() -> fromAcceptLanguage(request.getHeader("Accept-Language")))
                .orElse(DEFAULT);
    }

    /** The {@code lang} parameter when it names one of the seven: what the page's own links and forms carry on. */
    static Optional<String> fromParameter(HttpServletRequest request) {
        return supported(request.getParameter(PARAM));
    }

    static Optional<String> fromCookie(Cookie[] cookies) {
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                Optional<String> language = supported(cookie.getValue());
                if (language.isPresent()) {
                    return language;
                }
            }
        }
        return Optional.empty();
    }

    /** The first of the browser's languages (by weight) that we speak: "tg, ru;q=0.8" is Tajik, "de, ru;q=0.5" Russian. */
    static Optional<String> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> supported(range.getRange()))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** "ky", "KY", "ky-KG", "uz_Latn" → the language; anything else → empty. */
    static Optional<String> supported(String tag) {
        if (tag == null || tag.length() > 35) {
            return Optional.empty();
        }
        String base = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return NAMES.containsKey(base) ? Optional.of(base) : Optional.empty();
    }
}
