package org.civictaskforce.platform.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Word search without {@code $text}: a document stores the words of its text in search form (an
 * indexed array), and a query matches when every query word prefixes one of them. A prefix regex
 * anchored with {@code ^} is an index range scan on real MongoDB and works on the wire-compatible
 * store too. Words are letters and digits only, so they are safe inside a regex without escaping.
 *
 * <p>Plain Java: used by membership (names) and research (findings, standards, mechanisms).
 */
public final class SearchWords {
    /**
     * Russian (and a few Kazakh/Kyrgyz) inflection endings, longest first. A query word loses one of
     * them when at least {@link #MIN_STEM} letters remain, so "стандартов" finds "стандарты".
     */
    private static final List<String> CYRILLIC_ENDINGS = List.of(
            "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях", "ях", "ах", "ов", "ев", "ей",
            "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ом", "ем", "ам", "ям", "ию", "ия", "ии",
            "лар", "лер", "дар", "дер", "тар", "тер",
            "а", "я", "ы", "и", "е", "у", "ю", "о", "ь");
    private static final List<String> LATIN_ENDINGS = List.of("ies", "ing", "es", "ed", "s", "y");
    public static final int MIN_STEM = 4;

    private SearchWords() {
    }

    /**
     * Lower case without accents (marks removed after canonical decomposition, so "é" → "e", "ё" →
     * "е", "й" → "и"); letters without a decomposition, such as Kazakh "қ" or "ө", stay as they are.
     */
    public static String searchForm(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .strip();
    }

    /** The distinct words of a text in search form, in order: split on anything that is not a letter or digit. */
    public static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(searchForm(text).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).distinct()
                .toList();
    }

    /** The distinct words of several texts (null texts are skipped). */
    public static List<String> words(Collection<String> texts) {
        Set<String> all = new LinkedHashSet<>();
        for (String t : texts) {
            all.addAll(words(t));
        }
        return new ArrayList<>(all);
    }

    /**
     * The query's words as prefixes to look for: each word in search form, with one common
     * inflection ending removed when a stem of at least {@link #MIN_STEM} letters remains. Matching a
     * prefix then finds the other forms of the word ("policies" and "policy" both → "polic").
     */
    public static List<String> queryPrefixes(String query) {
        return words(query).stream().map(SearchWords::stem).distinct().toList();
    }

    /** The word without one common ending, if enough of it remains; otherwise the word itself. */
    public static String stem(String word) {
        List<String> endings = isCyrillic(word) ? CYRILLIC_ENDINGS : LATIN_ENDINGS;
        for (String ending : endings) {
            if (word.endsWith(ending) && word.length() - ending.length() >= MIN_STEM) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    private static boolean isCyrillic(String word) {
        return word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }
}
