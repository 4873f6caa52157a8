package org.civictaskforce.strategy.domain.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.strategy.GuideEditionPublished;
import org.civictaskforce.contracts.strategy.GuideSectionChanged;
import org.civictaskforce.contracts.strategy.GuideTranslationStatusChanged;
import org.junit.jupiter.api.Test;

class GuideTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private Guide guideWithTwoSections() {
        Guide guide = Guide.start("g", "ru");
        guide.addSection("intro", "Введение", "Текст один", NOW, "author");
        guide.addSection("ifis", "МФИ", "Текст два", NOW, "author");
        return guide;
    }

    private void approve(Guide guide, String key, String lang, int revision) {
        guide.translate(key, lang, "Киришүү " + key, "ң ө ү " + key, revision, NOW, "tr");
        guide.submit(key, lang, NOW, "tr");
        guide.approve(key, lang, NOW, "rev");
    }

    @Test
    void targetsAreTheRegionalLanguagesAndEnglishOnlyWhenTheSourceIsRussian() {
        assertThat(Guide.start("g", "ru").targetLanguages()).containsExactly("kk", "ky", "tg", "tk", "uz", "en");
        assertThat(Guide.start("g", "en").targetLanguages()).containsExactly("kk", "ky", "tg", "tk", "uz", "ru");
        assertThatThrownBy(() -> Guide.start("g", "ky")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sectionsKeepTheirOrderAndEveryChangeBumpsTheRevision() {
        Guide guide = guideWithTwoSections();
        assertThat(guide.sections()).extracting(Section::key).containsExactly("intro", "ifis");
        List<Object> events = guide.changeSection("intro", "Введение", "Текст один, исправлен", NOW, "author");
        assertThat(events).containsExactly(new GuideSectionChanged("g", "intro", "ru", 2));
        assertThat(guide.sections().get(0).revision()).isEqualTo(2);
        assertThat(guide.sections().get(0).revisions()).extracting(SectionRevision::body)
                .containsExactly("Текст один", "Текст один, исправлен");
        assertThat(guide.changeSection("intro", "Введение", "Текст один, исправлен", NOW, "a")).isEmpty();
        assertThat(guide.sections().get(0).revision()).isEqualTo(2);
    }

    @Test
    void duplicateKeysUnknownSectionsAndBadKeysAreRefused() {
        Guide guide = guideWithTwoSections();
        assertThatThrownBy(() -> guide.addSection("intro", "x", "y", NOW, null))
                .isInstanceOfSatisfying(GuideRuleException.class, e -> assertThat(e.kind()).isEqualTo(GuideRuleException.Kind.CONFLICT));
        assertThatThrownBy(() -> guide.changeSection("nope", "x", "y", NOW, null))
                .isInstanceOfSatisfying(GuideRuleException.class, e -> assertThat(e.kind()).isEqualTo(GuideRuleException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> guide.addSection("Bad Key", "x", "y", NOW, null))
                .isInstanceOfSatisfying(GuideRuleException.class, e -> assertThat(e.kind()).isEqualTo(GuideRuleException.Kind.INVALID));
        assertThatThrownBy(() -> guide.translate("intro", "ru", "x", "y", 1, NOW, null))
                .as("the source language is not a target").isInstanceOf(GuideRuleException.class);
        assertThatThrownBy(() -> guide.translate("intro", "ky", "x", "y", 2, NOW, null))
                .as("no revision 2 yet").isInstanceOf(GuideRuleException.class);
    }

    @Test
    void translationMovesFromMissingThroughDraftAndReviewToApproved() {
        Guide guide = guideWithTwoSections();
        assertThat(guide.statusOf("intro", "ky")).isEqualTo(TranslationStatus.MISSING);
        assertThat(guide.translate("intro", "ky", "Киришүү", "Текст", 1, NOW, "tr"))
                .containsExactly(new GuideTranslationStatusChanged("g", "intro", "ky", "DRAFT", 1, 1));
        assertThat(guide.translation("intro", "ky").orElseThrow().actorId()).isEqualTo("tr");
        assertThatThrownBy(() -> guide.approve("intro", "ky", NOW, "rev")).as("only a translation in review")
                .isInstanceOf(GuideRuleException.class);
        guide.submit("intro", "ky", NOW, "tr");
        assertThat(guide.statusOf("intro", "ky")).isEqualTo(TranslationStatus.IN_REVIEW);
        guide.returnToTranslator("intro", "ky", "  Уточните термин «МФИ»  ", NOW, "rev");
        assertThat(guide.statusOf("intro", "ky")).isEqualTo(TranslationStatus.DRAFT);
        assertThat(guide.translation("intro", "ky").orElseThrow().reviewComment()).isEqualTo("Уточните термин «МФИ»");
        guide.translate("intro", "ky", "Киришүү", "Текст 2", 1, NOW, "tr");
        assertThat(guide.translation("intro", "ky").orElseThrow().reviewComment())
                .as("the translator revises against the comment").isEqualTo("Уточните термин «МФИ»");
        guide.submit("intro", "ky", NOW, "tr");
        assertThat(guide.translation("intro", "ky").orElseThrow().reviewComment()).as("submitted again").isNull();
        guide.returnToTranslator("intro", "ky", " ", NOW, "rev");
        assertThat(guide.translation("intro", "ky").orElseThrow().reviewComment()).as("a blank comment is none").isNull();
        guide.submit("intro", "ky", NOW, "tr");
        assertThat(guide.approve("intro", "ky", NOW, "rev"))
                .containsExactly(new GuideTranslationStatusChanged("g", "intro", "ky", "APPROVED", 1, 1));
        assertThat(guide.statusOf("intro", "ky")).isEqualTo(TranslationStatus.APPROVED);
    }

    @Test
    void aSourceChangeMakesEveryTranslationOfThatSectionStaleAndOnlyThat() {
        Guide guide = guideWithTwoSections();
        approve(guide, "intro", "ky", 1);
        approve(guide, "ifis", "ky", 1);
        guide.translate("intro", "kk", "Кіріспе", "Мәтін", 1, NOW, "tr");

        List<Object> events = guide.changeSection("intro", "Введение", "Новый текст", NOW, "author");

        assertThat(events).contains(new GuideTranslationStatusChanged("g", "intro", "ky", "STALE", 1, 2),
                new GuideTranslationStatusChanged("g", "intro", "kk", "STALE", 1, 2)).hasSize(3);
        assertThat(guide.statusOf("intro", "ky")).isEqualTo(TranslationStatus.STALE);
        assertThat(guide.statusOf("intro", "kk")).isEqualTo(TranslationStatus.STALE);
        assertThat(guide.statusOf("ifis", "ky")).isEqualTo(TranslationStatus.APPROVED);
        assertThatThrownBy(() -> guide.submit("intro", "kk", NOW, "tr")).hasMessageContaining("STALE");
        assertThat(guide.changeSection("intro", "Введение", "Ещё новее", NOW, "author"))
                .as("already stale: no second STALE event").hasSize(1);

        Guide.SourceDiff diff = guide.sourceDiff("intro", "ky");
        assertThat(diff.basedOn().body()).isEqualTo("Текст один");
        assertThat(diff.current().body()).isEqualTo("Ещё новее");
        assertThat(diff.lines()).contains(new LineDiff.Line(LineDiff.Op.REMOVED, "Текст один"),
                new LineDiff.Line(LineDiff.Op.ADDED, "Ещё новее"), new LineDiff.Line(LineDiff.Op.SAME, "Введение"));

        guide.translate("intro", "ky", "Киришүү", "Жаңы текст", 3, NOW, "tr");
        assertThat(guide.statusOf("intro", "ky")).isEqualTo(TranslationStatus.DRAFT);
    }

    @Test
    void completenessCountsApprovedAndStaleSections() {
        Guide guide = guideWithTwoSections();
        approve(guide, "intro", "ky", 1);
        LanguageProgress half = guide.progress("ky");
        assertThat(half.approved()).isEqualTo(1);
        assertThat(half.total()).isEqualTo(2);
        assertThat(half.complete()).isFalse();
        approve(guide, "ifis", "ky", 1);
        assertThat(guide.progress("ky").complete()).isTrue();
        guide.changeSection("ifis", "МФИ", "Другой текст", NOW, "author");
        LanguageProgress stale = guide.progress("ky");
        assertThat(stale.complete()).isFalse();
        assertThat(stale.stale()).isEqualTo(1);
        assertThat(stale.staleSections()).containsExactly("ifis");
        assertThat(Guide.start("g", "ru").progress("ky").complete()).as("an empty guide is not complete").isFalse();
    }

    @Test
    void publicationIsRefusedUntilEverySectionIsApprovedAndNamesWhatIsMissing() {
        Guide guide = guideWithTwoSections();
        approve(guide, "intro", "ky", 1);
        assertThatThrownBy(() -> guide.publish("ky", NOW)).hasMessageContaining("ifis")
                .isInstanceOfSatisfying(GuideRuleException.class, e -> assertThat(e.kind()).isEqualTo(GuideRuleException.Kind.CONFLICT));
        approve(guide, "ifis", "ky", 1);
        guide.changeSection("intro", "Введение", "Другой", NOW, "author");
        assertThatThrownBy(() -> guide.publish("ky", NOW)).hasMessageContaining("stale [intro]");
    }

    @Test
    void editionsAreNumberedPerLanguageAndNeverChangeAfterPublication() {
        Guide guide = guideWithTwoSections();
        approve(guide, "intro", "ky", 1);
        approve(guide, "ifis", "ky", 1);
        Guide.Publication first = guide.publish("ky", NOW);
        assertThat(first.events()).containsExactly(new GuideEditionPublished("g", "ky", 1, 2));
        Edition edition = first.edition();
        assertThat(edition.sections()).extracting(Edition.EditionSection::body).containsExactly("ң ө ү intro", "ң ө ү ifis");

        guide.changeSection("intro", "Введение", "Другой", NOW, "author");
        approve(guide, "intro", "ky", 2);
        Guide.Publication second = guide.publish("ky", NOW);

        assertThat(second.edition().number()).isEqualTo(2);
        assertThat(edition.sections().get(0).sourceRevision()).as("the first snapshot is untouched").isEqualTo(1);
        assertThat(second.edition().sections().get(0).sourceRevision()).isEqualTo(2);
        assertThatThrownBy(() -> edition.sections().add(new Edition.EditionSection("x", "x", "x", 1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(guide.lastEditions()).containsEntry("ky", 2);
    }
}
