package org.civictaskforce.research.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.civictaskforce.documents.Document;
import org.civictaskforce.documents.DocumentFormat;
import org.civictaskforce.research.domain.Finding;
import org.civictaskforce.research.domain.Strand;
import org.civictaskforce.research.domain.note.NoteChanges;
import org.civictaskforce.research.domain.note.NoteContent;
import org.civictaskforce.research.domain.note.NoteVersion;
import org.junit.jupiter.api.Test;

/** The note as a renderer document: its outline, the facts with their marks, people's text as plain text. */
class AnalyticalNoteDocumentsTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:30:00Z");

    private static NoteVersion version() {
        NoteContent.NoteFinding finding = new NoteContent.NoteFinding("f-1", 2, Strand.LEGAL_AND_POLITICAL_RELATIONS,
                "Oʻzbekiston Respublikasi gʻazna\n1. not a list *not emphasis* <b>x</b>", "high",
                List.of(new Finding.Citation("https://lex.uz/docs/1", "Закон «О НКО»", "ст. 5", "цитата",
                        LocalDate.parse("2026-11-01")), new Finding.Citation(null, "Report", null, null,
                        LocalDate.parse("2026-11-02"))),
                List.of(new NoteContent.StandardFact("wb-ess10", true, "ESS10 Stakeholder Engagement", 2016, 3,
                        "https://example.org/ess10", "high", false),
                        new NoteContent.StandardFact("gone", false, null, null, 0, null, null, false)));
        NoteContent content = new NoteContent(List.of(new NoteContent.InstitutionPart("wb", "World Bank", "ifi",
                new NoteContent.Fact("Inspection Panel", "a written request", "https://example.org/panel", "medium", true),
                List.of(new NoteContent.CountryPart("UZ", "Uzbekistan",
                        new NoteContent.Fact("member since 1992", null, "https://www.worldbank.org", "medium", true),
                        List.of(finding))))));
        NoteChanges changes = new NoteChanges(1, List.of(new NoteChanges.Entry("f-1", 2, "wb", "UZ")), List.of(),
                List.of());
        return new NoteVersion(2, AT, content, changes);
    }

    @Test
    void theOutlineIsInstitutionCountryFindingWithEveryFactAndItsMark() throws Exception {
        Document document = AnalyticalNoteDocuments.of(version());

        assertThat(document.title()).isEqualTo("Analytical note");
        assertThat(document.subtitle()).isEqualTo("Version 2, published 2026-12-01 10:30 UTC");
        assertThat(document.metadata().get(0)).isEqualTo("1 accepted finding · 1 institution · 1 country");
        assertThat(document.sections()).extracting(Document.Section::level, Document.Section::heading).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "What changed since version 1"),
                org.assertj.core.groups.Tuple.tuple(1, "World Bank"),
                org.assertj.core.groups.Tuple.tuple(2, "Uzbekistan — World Bank"),
                org.assertj.core.groups.Tuple.tuple(3, "Finding 1: legal and political relations"));

        String html = new String(AnalyticalNoteDocuments.render(document, DocumentFormat.HTML), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("finding f-1 version 2 (wb, UZ)")
                .contains("Inspection Panel — a written request. Source: <a rel=\"nofollow\" href=\"https://example.org/panel\">")
                .contains("(confidence medium) <strong>UNVERIFIED</strong>")
                .contains("member since 1992. Source:")
                .contains("Oʻzbekiston Respublikasi gʻazna<br />\n1. not a list *not emphasis* &lt;b&gt;x&lt;/b&gt;")
                .contains("Закон «О НКО», ст. 5, “цитата”, <a rel=\"nofollow\" href=\"https://lex.uz/docs/1\">")
                .contains("Report, accessed 2026-11-02")
                .contains("ESS10 Stakeholder Engagement (2016), catalogue version 3. Source:")
                .contains("gone: not in the institution's catalogue entry")
                .contains("Finding f-1, version 2, confidence high");
        assertThat(AnalyticalNoteDocuments.fileName(version(), DocumentFormat.PDF)).isEqualTo("analytical-note-v2.pdf");

        // kept for a look: research-service/target/note-sample.pdf
        Files.write(Path.of("target", "note-sample.pdf"), AnalyticalNoteDocuments.render(document, DocumentFormat.PDF));
    }
}
