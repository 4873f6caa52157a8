package org.civictaskforce.strategy.domain.guide;

import java.util.List;

/** The languages of the guide: authored in Russian or English, translated into the languages of the region. */
public final class GuideLanguages {
    public static final List<String> SOURCES = List.of("ru", "en");
    public static final List<String> ALL_TARGETS = List.of("kk", "ky", "tg", "tk", "uz", "ru", "en");

    private GuideLanguages() {
    }

    public static boolean isSource(String language) {
        return SOURCES.contains(language);
    }

    /** kk, ky, tg, tk, uz and ru, plus en when the source is Russian; never the source itself. */
    public static List<String> targetsFor(String source) {
        return ALL_TARGETS.stream().filter(l -> !l.equals(source)).filter(l -> !l.equals("en") || source.equals("ru"))
                .toList();
    }
}
