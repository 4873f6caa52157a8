package org.civictaskforce.membership.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a person's details must meet, in one place: the domain enforces them and the web layer's
 * request validation asks the same questions, so a bad request is a 400 naming the field.
 */
public final class PersonRules {
    public static final int DISPLAY_NAME_MAX = 100;
    public static final int FULL_NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;

    /** The languages the workspace and its messages speak; a person picks their preferred one among them. */
    public static final List<String> SERVICE_LANGUAGES = List.of("en", "ru", "kk", "ky", "tg", "tk", "uz");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    /** Deliberately simple: one @, no spaces, a dot in the domain. Delivery is the real test. */
    private static final Pattern TAG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,49}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private PersonRules() {
    }

    /** ISO 3166-1 alpha-2 code, upper case (e.g. {@code KZ}). */
    public static String normaliseCountry(String country) {
        return country == null ? null : country.strip().toUpperCase(Locale.ROOT);
    }

    /** ISO 639-1 code, lower case (e.g. {@code ru}). */
    public static String normaliseLanguage(String language) {
        return language == null ? null : language.strip().toLowerCase(Locale.ROOT);
    }

    /** The form in which e-mail addresses are compared for uniqueness. */
    public static String emailKey(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isCountry(String country) {
        String code = normaliseCountry(country);
        return code != null && COUNTRIES.contains(code);
    }

    public static boolean isLanguage(String language) {
        String code = normaliseLanguage(language);
        return code != null && code.length() == 2 && LANGUAGES.contains(code);
    }

    /** One of {@link #SERVICE_LANGUAGES} (either case). */
    public static boolean isServiceLanguage(String language) {
        return language != null && SERVICE_LANGUAGES.contains(normaliseLanguage(language));
    }

    /** An IANA region id such as {@code Asia/Almaty}; fixed offsets like {@code +05:00} are refused. */
    public static boolean isTimeZone(String zone) {
        return zone != null && ZONES.contains(zone.strip());
    }

    /** An expertise or focus tag as stored: trimmed, lower case, inner blanks as dashes. */
    public static String normaliseTag(String tag) {
        return tag == null ? null : tag.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }

    public static boolean isTag(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }

    /**
     * The words of a name as searched: lower case, accents removed, split on anything that is not a
     * letter or digit. A text filter matches a prefix of any word, which an index on this array
     * serves (a prefix regex is an index range scan on real MongoDB; no {@code $text} needed).
     */
    public static List<String> nameWords(String name) {
        return org.civictaskforce.platform.text.SearchWords.words(name);
    }

    /** Lower case without accents: how names and search text are compared. */
    public static String searchForm(String text) {
        return org.civictaskforce.platform.text.SearchWords.searchForm(text);
    }

    public static boolean isEmail(String email) {
        return email != null && email.strip().length() <= EMAIL_MAX && EMAIL.matcher(email.strip()).matches();
    }
}
