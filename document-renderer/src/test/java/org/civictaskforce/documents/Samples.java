package org.civictaskforce.documents;

import java.util.List;
import java.util.Map;

/** The acceptance strings of the analytical-note issue, one per language. */
final class Samples {

    static final Map<String, String> BY_LANGUAGE = Map.of(
            "kk", "Қазақстан Республикасы әділет",
            "ky", "Кыргыз Республикасы өкмөтү",
            "tg", "Ҷумҳурии Тоҷикистон",
            "tk", "Türkmenistanyň döwlet ýörelgesi",
            "uz", "Oʻzbekiston Respublikasi gʻazna",
            "ru", "Российская Федерация — правосудие");

    static final List<String> LANGUAGES = List.of("kk", "ky", "tg", "tk", "uz", "ru");

    static Document document() {
        List<Document.Section> sections = LANGUAGES.stream()
                .map(lang -> new Document.Section(1, lang.toUpperCase() + ": " + BY_LANGUAGE.get(lang),
                        BY_LANGUAGE.get(lang) + "\n\nA *second* paragraph with **bold** and `code`."))
                .toList();
        return new Document("Аналитическая записка", "ru", "Қазақстан, Кыргызстан, Тоҷикистон",
                List.of("Version 1", "Published 2026-11-30"), sections);
    }

    private Samples() {
    }
}
