package org.civictaskforce.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.civictaskforce.notification.application.TemplateCatalogue.LanguageCoverage;
import org.junit.jupiter.api.Test;

class TemplateCatalogueTest {
    private final TemplateCatalogue catalogue = new TemplateCatalogue();

    @Test
    void findsEveryTemplateFolderAndEnglishAndRussianAreComplete() {
        assertThat(catalogue.templates()).contains("member-invited", "daily-digest");
        for (String template : catalogue.templates()) {
            assertThat(catalogue.complete(template, "en")).as(template + " en").isTrue();
            assertThat(catalogue.complete(template, "ru")).as(template + " ru").isTrue();
        }
    }

    @Test
    void coverageNamesWhatIsMissingPerLanguageAndWhatTheReaderGetsInstead() {
        LanguageCoverage ky = catalogue.coverage().stream().filter(c -> c.language().equals("ky")).findFirst()
                .orElseThrow();
        assertThat(ky.completeTemplates()).contains("member-invited");
        assertThat(ky.missing()).anySatisfy(m -> {
            assertThat(m.template()).isEqualTo("daily-digest");
            assertThat(m.missingParts()).containsExactly("subject", "text", "html");
            assertThat(m.fallsBackTo()).isEqualTo("ru");
        });
        assertThat(ky.total()).isEqualTo(catalogue.templates().size());
        assertThat(catalogue.coverage()).extracting(LanguageCoverage::language)
                .containsExactly("en", "ru", "kk", "ky", "tg", "tk", "uz");
    }

    @Test
    void theServiceRefusesToStartWithATemplateMissingInEnglishOrRussian() {
        assertThatThrownBy(() -> new TemplateCheck(catalogue, List.of(() -> List.of("meeting-moved"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("meeting-moved").hasMessageContaining("en");
        new TemplateCheck(catalogue, List.of(() -> List.of("member-invited", "daily-digest")));
    }
}
