package org.civictaskforce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageFallbackTest {

    @Test
    void ownLanguageThenRussianThenEnglish() {
        assertThat(LanguageFallback.candidates("kk")).containsExactly("kk", "ru", "en");
    }

    @Test
    void russianAndEnglishAreNotRepeated() {
        assertThat(LanguageFallback.candidates("ru")).containsExactly("ru", "en");
        assertThat(LanguageFallback.candidates("EN")).containsExactly("en", "ru");
    }

    @Test
    void missingOrOddLanguageFallsBackToRussianThenEnglish() {
        assertThat(LanguageFallback.candidates(null)).containsExactly("ru", "en");
        assertThat(LanguageFallback.candidates("../../etc")).containsExactly("ru", "en");
    }
}
