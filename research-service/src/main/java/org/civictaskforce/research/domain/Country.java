package org.civictaskforce.research.domain;

import java.util.List;

/** One of the five Central Asian countries with its languages and Freedom in the World rating. */
public record Country(String code, String name, List<Language> languages, FreedomRating freedomInTheWorld) {
    public Country {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    public record Language(String code, String name, String status, String note, Source source) {
    }

    public record FreedomRating(String status, Integer score, Integer edition, String note, Source source) {
    }
}
