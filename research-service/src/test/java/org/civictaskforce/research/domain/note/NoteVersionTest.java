package org.civictaskforce.research.domain.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civictaskforce.contracts.research.AnalyticalNotePublished;
import org.civictaskforce.platform.problem.ConflictException;
import org.civictaskforce.platform.problem.DomainRuleException;
import org.civictaskforce.research.domain.Country;
import org.civictaskforce.research.domain.CountryRelation;
import org.civictaskforce.research.domain.Finding;
import org.civictaskforce.research.domain.Institution;
import org.civictaskforce.research.domain.Mechanism;
import org.civictaskforce.research.domain.Source;
import org.civictaskforce.research.domain.Standard;
import org.civictaskforce.research.domain.Strand;
import org.junit.jupiter.api.Test;

/** Compiling, versioning, changes and immutability of the analytical note. */
class NoteVersionTest {
    private static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant T3 = Instant.parse("2026-12-09T10:00:00Z");

    private final Map<String, Institution> institutions = new java.util.HashMap<>(Map.of(
            "wb", institution("wb", "World Bank", standard("wb-ess10", "ESS10", 1, false)),
            "ebrd", institution("ebrd", "EBRD", standard("ebrd-pr10", "PR10", 1, true))));
    private final Map<String, Country> countries = Map.of("KZ", country("KZ", "Kazakhstan"), "UZ", country("UZ", "Uzbekistan"),
            "KG", country("KG", "Kyrgyzstan"));
    private final List<CountryRelation> relations = List.of(
            new CountryRelation("KZ", "wb", "member", 1992, new Source("https://www.worldbank.org", "medium", true)));

    private NoteContent compile(List<Finding> findings) {
        return NoteContent.compile(findings, id -> Optional.ofNullable(institutions.get(id)),
                code -> Optional.ofNullable(countries.get(code)),
                (code, id) -> relations.stream().filter(r -> r.country().equals(code) && r.institutionId().equals(id)).findFirst());
    }

    @Test
    void theNoteGroupsAcceptedFindingsByInstitutionThenCountryWithTheCatalogueFactsTheyRestOn() {
        NoteContent content = compile(List.of(
                accepted("f-2", "UZ", "wb", "Oʻzbekiston Respublikasi gʻazna", "wb-ess10"),
                accepted("f-1", "KZ", "wb", "Қазақстан Республикасы әділет", "wb-ess10", "wb-unknown"),
                accepted("f-3", "KG", "ebrd", "Кыргыз Республикасы өкмөтү", "ebrd-pr10"),
                submitted("f-4", "KZ", "wb")));

        assertThat(content.institutions()).extracting(NoteContent.InstitutionPart::name).containsExactly("EBRD", "World Bank");
        NoteContent.InstitutionPart wb = content.institutions().get(1);
        assertThat(wb.mechanism().text()).isEqualTo("Inspection Panel");
        assertThat(wb.countries()).extracting(NoteContent.CountryPart::code).containsExactly("KZ", "UZ");
        NoteContent.CountryPart kz = wb.countries().get(0);
        assertThat(kz.name()).isEqualTo("Kazakhstan");
        assertThat(kz.relation().text()).isEqualTo("member since 1992");
        assertThat(kz.relation().unverified()).isTrue();
        assertThat(wb.countries().get(1).relation()).as("no relation in the catalogue").isNull();
        NoteContent.NoteFinding f1 = kz.findings().get(0);
        assertThat(f1.statement()).isEqualTo("Қазақстан Республикасы әділет");
        assertThat(f1.evidence()).hasSize(1);
        assertThat(f1.standards()).extracting(NoteContent.StandardFact::id, NoteContent.StandardFact::found,
                NoteContent.StandardFact::unverified)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("wb-ess10", true, false),
                        org.assertj.core.groups.Tuple.tuple("wb-unknown", false, false));
        assertThat(content.institutions().get(0).countries().get(0).findings().get(0).standards().get(0).unverified())
                .isTrue();
        assertThat(content.findings()).extracting(NoteContent.NoteFinding::findingId).containsExactly("f-3", "f-1", "f-2")
                .doesNotContain("f-4");
        assertThat(content.countries()).isEqualTo(3);
    }

    @Test
    void versionsAreNumberedAndSayWhatChanged() {
        List<Finding> findings = new ArrayList<>(List.of(accepted("f-1", "KZ", "wb", "a", "wb-ess10"),
                accepted("f-2", "UZ", "wb", "b")));
        NoteVersion.Publication first = NoteVersion.publish(Optional.empty(), compile(findings), T1);
        NoteVersion v1 = first.version();
        assertThat(v1.number()).isEqualTo(1);
        assertThat(v1.id()).isEqualTo("note-v1");
        assertThat(v1.changes().previousNumber()).isNull();
        assertThat(v1.changes().added()).extracting(NoteChanges.Entry::findingId).containsExactlyInAnyOrder("f-1", "f-2");
        assertThat(first.events()).singleElement().isEqualTo(new AnalyticalNotePublished("note-v1", 1, T1, 2, 1, 2,
                List.of("f-1", "f-2"), List.of(), List.of()));

        findings.add(accepted("f-3", "KG", "ebrd", "c"));
        findings.remove(1);
        institutions.put("wb", institution("wb", "World Bank", standard("wb-ess10", "ESS10 corrected", 2, false)));
        NoteVersion v2 = NoteVersion.publish(Optional.of(v1), compile(findings), T2).version();

        assertThat(v2.number()).isEqualTo(2);
        assertThat(v2.changes().previousNumber()).isEqualTo(1);
        assertThat(v2.changes().added()).extracting(NoteChanges.Entry::findingId).containsExactly("f-3");
        assertThat(v2.changes().removed()).extracting(NoteChanges.Entry::findingId).containsExactly("f-2");
        assertThat(v2.changes().changed()).singleElement().satisfies(c -> {
            assertThat(c.findingId()).isEqualTo("f-1");
            assertThat(c.what()).containsExactly("standards it rests on");
        });
        // the first version is a value: publishing the second and changing the catalogue did not touch it
        assertThat(v1.content().findings()).extracting(NoteContent.NoteFinding::findingId).containsExactly("f-1", "f-2");
        assertThat(v1.content().findings().get(0).standards().get(0).title()).isEqualTo("ESS10");
    }

    @Test
    void aNewVersionOfAFindingIsAChange() {
        NoteContent before = compile(List.of(accepted("f-1", "KZ", "wb", "old")));
        NoteContent after = compile(List.of(acceptedAfterResubmission("f-1", "KZ", "wb", "new")));
        NoteChanges changes = NoteChanges.between(1, before, after);
        assertThat(changes.changed()).singleElement().satisfies(c -> {
            assertThat(c.fromVersion()).isEqualTo(1);
            assertThat(c.toVersion()).isEqualTo(2);
            assertThat(c.what()).containsExactly("finding version 1 → 2");
        });
        assertThat(changes.added()).isEmpty();
        assertThat(changes.removed()).isEmpty();
    }

    @Test
    void nothingToPublishIs422AndAnUnchangedNoteIs409() {
        assertThatThrownBy(() -> NoteVersion.publish(Optional.empty(), compile(List.of(submitted("f-9", "KZ", "wb"))), T1))
                .isInstanceOf(DomainRuleException.class).hasMessageContaining("at least one accepted finding");
        NoteVersion v1 = NoteVersion.publish(Optional.empty(), compile(List.of(accepted("f-1", "KZ", "wb", "a"))), T1)
                .version();
        assertThatThrownBy(() -> NoteVersion.publish(Optional.of(v1), compile(List.of(accepted("f-1", "KZ", "wb", "a"))), T3))
                .isInstanceOf(ConflictException.class).hasMessageContaining("version 1");
    }

    @Test
    void theNoteCopiesNoPeople() {
        NoteContent content = compile(List.of(accepted("f-1", "KZ", "wb", "statement", "wb-ess10")));
        assertThat(content.toString()).doesNotContain("expert").doesNotContain("review comment");
    }

    // --- fixtures ------------------------------------------------------------------------------

    private static Finding.Content content(String statement, String... standards) {
        return new Finding.Content(statement, List.of(new Finding.Citation("https://example.org/doc", "Law 1", "art. 5",
                "a quote", LocalDate.parse("2026-11-01"))), List.of(standards), "high");
    }

    private static Finding accepted(String id, String country, String institution, String statement, String... standards) {
        return new Finding(id, "a-" + id, country, institution, Strand.STANDARDS_AND_RULES, Finding.FindingStatus.ACCEPTED,
                List.of(new Finding.Version(1, content(statement, standards), T1)),
                List.of(new Finding.Comment(1, "review comment by the coordinator", T1)));
    }

    private static Finding acceptedAfterResubmission(String id, String country, String institution, String statement) {
        return new Finding(id, "a-" + id, country, institution, Strand.STANDARDS_AND_RULES, Finding.FindingStatus.ACCEPTED,
                List.of(new Finding.Version(1, content("old"), T1), new Finding.Version(2, content(statement), T2)),
                List.of());
    }

    private static Finding submitted(String id, String country, String institution) {
        return new Finding(id, "a-" + id, country, institution, Strand.STANDARDS_AND_RULES, Finding.FindingStatus.SUBMITTED,
                List.of(new Finding.Version(1, content("draft"), T1)), List.of());
    }

    private static Standard standard(String id, String title, int version, boolean unverified) {
        return new Standard(id, title, 2016, "summary", null, new Source("https://example.org/" + id, "high", unverified),
                version, null, null);
    }

    private static Institution institution(String id, String name, Standard... standards) {
        return new Institution(id, name, "ifi", List.of(standards), new Mechanism("Inspection Panel", "1993", List.of(),
                "in writing", null, null, null, new Source("https://example.org/panel", "high", false)));
    }

    private static Country country(String code, String name) {
        return new Country(code, name, List.of(), null);
    }
}
