package org.civictaskforce.research.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civictaskforce.research.domain.Catalogue;
import org.civictaskforce.research.domain.Institution;
import org.civictaskforce.research.domain.Source;
import org.junit.jupiter.api.Test;

class CatalogueFileTest {
    private final Catalogue catalogue = CatalogueFile.read(CatalogueFile.CURRENT);

    @Test
    void theFirstVersionHoldsFourteenInstitutionsAndTheFiveCountries() {
        assertThat(catalogue.version()).isEqualTo(1);
        assertThat(catalogue.institutions()).extracting(Institution::id).containsExactly("wb", "ifc-miga", "ebrd",
                "adb", "aiib", "eib", "imf", "isdb", "fatf", "eag", "unoct", "un-ctc-cted", "oecd", "eiti");
        assertThat(catalogue.countries()).extracting(c -> c.code()).containsExactly("KZ", "KG", "TJ", "TM", "UZ");
    }

    @Test
    void everyRelationNamesACatalogueInstitutionAndCarriesItsSource() {
        Set<String> ids = catalogue.institutions().stream().map(Institution::id).collect(Collectors.toSet());
        assertThat(catalogue.relations()).isNotEmpty().allSatisfy(r -> {
            assertThat(ids).contains(r.institutionId());
            assertThat(r.source().url()).startsWith("http");
            assertThat(r.source().confidence()).isIn("high", "medium", "low");
        });
    }

    @Test
    void everyFactKeepsItsConfidenceAndTheUnverifiedMarksStay() throws IOException {
        Stream<Source> standards = catalogue.institutions().stream().flatMap(i -> i.standards().stream())
                .map(s -> s.source());
        Stream<Source> mechanisms = catalogue.institutions().stream().map(i -> i.mechanism().source());
        Stream<Source> relations = catalogue.relations().stream().map(r -> r.source());
        Stream<Source> languages = catalogue.countries().stream().flatMap(c -> c.languages().stream())
                .map(l -> l.source());
        var all = Stream.of(standards, mechanisms, relations, languages).flatMap(s -> s).toList();
        assertThat(all).allSatisfy(s -> assertThat(s.confidence()).isIn("high", "medium", "low"));

        long marked;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CatalogueFile.CURRENT)) {
            marked = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains("unverified: true") && !l.trim().startsWith("#")).count();
        }
        assertThat(all.stream().filter(Source::unverified).count()).isEqualTo(marked).isGreaterThan(10);
        assertThat(catalogue.institutions().stream().filter(i -> i.id().equals("ifc-miga")).findFirst().orElseThrow()
                .standards()).filteredOn(s -> s.id().equals("miga-ps")).singleElement()
                .satisfies(s -> assertThat(s.source().unverified()).isTrue());
    }
}
