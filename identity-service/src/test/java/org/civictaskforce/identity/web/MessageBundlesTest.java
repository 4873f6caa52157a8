package org.civictaskforce.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The pages' message bundles: every language has every English key, in its own script, and nothing else. */
class MessageBundlesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    @ParameterizedTest
    @ValueSource(strings = { "ru", "kk", "ky", "tg", "tk", "uz" })
    void everyBundleHasEveryEnglishKeyAndNoOther(String language) throws IOException {
        ResourceBundle english = PageTexts.read("en");
        ResourceBundle bundle = PageTexts.read(language);
        assertThat(new TreeSet<>(bundle.keySet())).as("keys of messages_%s.properties", language)
                .containsExactlyElementsOf(new TreeSet<>(english.keySet()));
        for (String key : english.keySet()) {
            assertThat(bundle.getString(key)).as("%s in %s", key, language).isNotBlank();
            assertThat(placeholders(bundle.getString(key))).as("placeholders of %s in %s", key, language)
                    .isEqualTo(placeholders(english.getString(key)));
        }
    }

    @Test
    void everyKeyShownByThePagesIsInEnglish() throws IOException {
        ResourceBundle english = PageTexts.read("en");
        assertThat(english.keySet()).isNotEmpty();
        for (String language : PageLanguage.SUPPORTED) {
            PageTexts texts = new PageTexts(language);
            for (String key : english.keySet()) {
                assertThat(texts.text(key, 12)).doesNotContain("{0}");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "kk", "ky", "tg", "tk", "uz" })
    void theFiveAreMarkedForNativeReview(String language) throws IOException {
        assertThat(firstLine(language)).startsWith("# NATIVE REVIEW NEEDED");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ru", "kk", "ky", "tg" })
    void cyrillicLanguagesAreWrittenInCyrillic(String language) throws IOException {
        ResourceBundle bundle = PageTexts.read(language);
        for (String key : bundle.keySet()) {
            assertThat(CYRILLIC.matcher(bundle.getString(key)).find()).as("%s in %s is Cyrillic", key, language).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tk", "uz" })
    void turkmenAndUzbekAreWrittenInLatinScript(String language) throws IOException {
        ResourceBundle bundle = PageTexts.read(language);
        for (String key : bundle.keySet()) {
            String text = bundle.getString(key);
            assertThat(CYRILLIC.matcher(text).find()).as("%s in %s has no Cyrillic", key, language).isFalse();
            assertThat(LETTER.matcher(text).find()).isTrue();
        }
    }

    @Test
    void uzbekUsesTheModifierLettersNotApostrophes() throws IOException {
        ResourceBundle uzbek = PageTexts.read("uz");
        for (String key : uzbek.keySet()) {
            assertThat(uzbek.getString(key)).as(key).doesNotContain("'", "‘", "’", "`");
        }
        assertThat(uzbek.getString("enrol.title")).contains("ʻ");
    }

    @Test
    void theEnglishFailureStartsAsTheBrowserTestExpects() {
        assertThat(new PageTexts("en").text("login.failed")).startsWith("Sign-in failed.");
    }

    @Test
    void aKeyMissingInALanguageComesFromRussianThenEnglish() {
        assertThat(PageTexts.fallbacks("ky")).containsExactly("ky", "ru", "en");
        assertThat(PageTexts.fallbacks("ru")).containsExactly("ru", "en");
        assertThat(PageTexts.fallbacks("en")).containsExactly("en");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return Collections.unmodifiableSet(found);
    }

    private static String firstLine(String language) throws IOException {
        try (InputStream in = PageTexts.class.getClassLoader().getResourceAsStream(PageTexts.resource(language))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
    }
}
