package org.civictaskforce.research.domain.note;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.civictaskforce.research.domain.Country;
import org.civictaskforce.research.domain.CountryRelation;
import org.civictaskforce.research.domain.Finding;
import org.civictaskforce.research.domain.Institution;
import org.civictaskforce.research.domain.Mechanism;
import org.civictaskforce.research.domain.Source;
import org.civictaskforce.research.domain.Standard;
import org.civictaskforce.research.domain.Strand;

/**
 * What the analytical note says: accepted findings grouped by institution, then country, each with its
 * citations and the catalogue facts it rests on (the standards it is tagged with; the institution's
 * accountability mechanism; the country's relation with the institution), every fact with its source
 * and its {@code unverified} mark. A snapshot: plain values copied out of the findings and the catalogue,
 * so a published version does not change when they do. No person is named: findings carry no author and
 * the note copies none (review comments stay out too).
 */
public record NoteContent(List<InstitutionPart> institutions) {

    public NoteContent {
        institutions = institutions == null ? List.of() : List.copyOf(institutions);
    }

    public record InstitutionPart(String id, String name, String kind, Fact mechanism, List<CountryPart> countries) {
        public InstitutionPart {
            countries = countries == null ? List.of() : List.copyOf(countries);
        }
    }

    public record CountryPart(String code, String name, Fact relation, List<NoteFinding> findings) {
        public CountryPart {
            findings = findings == null ? List.of() : List.copyOf(findings);
        }
    }

    /** An accepted finding as the note shows it: its id and version (what changes are compared by). */
    public record NoteFinding(String findingId, int version, Strand strand, String statement, String confidence,
            List<Finding.Citation> evidence, List<StandardFact> standards) {
        public NoteFinding {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            standards = standards == null ? List.of() : List.copyOf(standards);
        }
    }

    /**
     * A standard the finding is tagged with, as the catalogue had it: {@code found: false} when the tag
     * names no standard of the institution (shown as such rather than dropped).
     */
    public record StandardFact(String id, boolean found, String title, Integer year, int version, String url,
            String confidence, boolean unverified) {
    }

    /** A catalogue fact in one line (a mechanism, a country relation) with its source. */
    public record Fact(String text, String detail, String url, String confidence, boolean unverified) {
    }

    public boolean isEmpty() {
        return institutions.isEmpty();
    }

    /** Every finding in the note's order. */
    public List<NoteFinding> findings() {
        List<NoteFinding> all = new ArrayList<>();
        institutions.forEach(i -> i.countries().forEach(c -> all.addAll(c.findings())));
        return all;
    }

    public int countries() {
        return (int) institutions.stream().flatMap(i -> i.countries().stream()).map(CountryPart::code).distinct().count();
    }

    /** Where each finding sits: finding id → (institution id, country code). */
    public Map<String, Placement> placements() {
        Map<String, Placement> out = new LinkedHashMap<>();
        for (InstitutionPart i : institutions) {
            for (CountryPart c : i.countries()) {
                for (NoteFinding f : c.findings()) {
                    out.put(f.findingId(), new Placement(i.id(), c.code(), f));
                }
            }
        }
        return out;
    }

    public record Placement(String institutionId, String country, NoteFinding finding) {
    }

    /**
     * Compiles the note from accepted findings (others are ignored) and the catalogue as it is now.
     * Institutions are ordered by name, countries by code, findings by strand then by id.
     */
    public static NoteContent compile(List<Finding> findings, Function<String, Optional<Institution>> institutions,
            Function<String, Optional<Country>> countries,
            BiFunction<String, String, Optional<CountryRelation>> relation) {
        Map<String, Map<String, List<Finding>>> grouped = new TreeMap<>();
        for (Finding f : findings) {
            if (f.status() == Finding.FindingStatus.ACCEPTED) {
                grouped.computeIfAbsent(f.institutionId(), k -> new TreeMap<>())
                        .computeIfAbsent(f.country(), k -> new ArrayList<>()).add(f);
            }
        }
        List<InstitutionPart> parts = new ArrayList<>();
        grouped.forEach((institutionId, byCountry) -> {
            Optional<Institution> institution = institutions.apply(institutionId);
            List<CountryPart> countryParts = new ArrayList<>();
            byCountry.forEach((code, list) -> {
                List<NoteFinding> noteFindings = list.stream()
                        .sorted(Comparator.comparing(Finding::strand).thenComparing(Finding::id))
                        .map(f -> noteFinding(f, institution))
                        .toList();
                countryParts.add(new CountryPart(code, countries.apply(code).map(Country::name).orElse(code),
                        relation.apply(code, institutionId).map(NoteContent::relationFact).orElse(null), noteFindings));
            });
            parts.add(new InstitutionPart(institutionId, institution.map(Institution::name).orElse(institutionId),
                    institution.map(Institution::kind).orElse(null),
                    institution.map(Institution::mechanism).map(NoteContent::mechanismFact).orElse(null), countryParts));
        });
        parts.sort(Comparator.comparing((InstitutionPart p) -> p.name().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(InstitutionPart::id));
        return new NoteContent(parts);
    }

    private static NoteFinding noteFinding(Finding f, Optional<Institution> institution) {
        Finding.Version current = f.versions().get(f.versions().size() - 1);
        Finding.Content content = current.content();
        List<StandardFact> standards = content.standardIds().stream().map(id -> institution
                .flatMap(i -> i.standards().stream().filter(s -> s.id().equals(id)).findFirst())
                .map(NoteContent::standardFact)
                .orElse(new StandardFact(id, false, null, null, 0, null, null, false)))
                .toList();
        return new NoteFinding(f.id(), current.version(), f.strand(), content.statement(), content.confidence(),
                content.evidence(), standards);
    }

    private static StandardFact standardFact(Standard s) {
        Source src = s.source();
        return new StandardFact(s.id(), true, s.title(), s.year(), s.version(), src == null ? null : src.url(),
                src == null ? null : src.confidence(), src == null || src.unverified());
    }

    private static Fact mechanismFact(Mechanism m) {
        Source src = m.source();
        String detail = m.howToFile() != null ? m.howToFile() : m.note();
        return new Fact(m.name(), detail, src == null ? null : src.url(), src == null ? null : src.confidence(),
                src == null || src.unverified());
    }

    private static Fact relationFact(CountryRelation r) {
        Source src = r.source();
        String text = r.status() + (r.since() == null ? "" : " since " + r.since());
        return new Fact(text, null, src == null ? null : src.url(), src == null ? null : src.confidence(),
                src == null || src.unverified());
    }

}
