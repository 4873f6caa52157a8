package org.civictaskforce.research.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.research.application.CoverageService.Cell;
import org.civictaskforce.research.domain.Country;
import org.civictaskforce.research.domain.Institution;
import org.civictaskforce.research.domain.Strand;
import org.civictaskforce.research.domain.TargetInstitutions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;

class CoverageServiceTest {
    private final CatalogueStore catalogue = mock(CatalogueStore.class);
    private final FindingStore findings = mock(FindingStore.class);
    private final TargetInstitutionsReadModel targets = mock(TargetInstitutionsReadModel.class);
    private final CoverageService service = new CoverageService(catalogue, findings, targets);

    @BeforeEach
    void catalogue() {
        when(catalogue.countries()).thenReturn(List.of(new Country("KZ", "Kazakhstan", null, null),
                new Country("KG", "Kyrgyzstan", null, null)));
        when(catalogue.institutions(isNull(), any())).thenReturn(new PageImpl<>(List.of(
                new Institution("wb", "World Bank", "ifi", null, null),
                new Institution("ebrd", "EBRD", "ifi", null, null),
                new Institution("fatf", "FATF", "security", null, null))));
        when(findings.acceptedCounts()).thenReturn(List.of(
                new FindingStore.Count("KZ", "wb", Strand.STANDARDS_AND_RULES, 2),
                new FindingStore.Count("KG", "fatf", Strand.ADVOCACY_TOOLS_AND_PRACTICES, 1)));
    }

    @Test
    void withoutADecisionEveryCatalogueInstitutionIsCovered() {
        when(targets.current()).thenReturn(TargetInstitutions.NONE);

        CoverageService.Coverage c = service.coverage();

        assertThat(c.institutionsFrom()).isEqualTo("catalogue");
        assertThat(c.institutionIds()).containsExactly("wb", "ebrd", "fatf");
        assertThat(c.cells()).hasSize(2 * 3 * 3);
        assertThat(c.cells()).contains(new Cell("KZ", "wb", Strand.STANDARDS_AND_RULES, 2, false),
                new Cell("KG", "fatf", Strand.ADVOCACY_TOOLS_AND_PRACTICES, 1, false),
                new Cell("KG", "wb", Strand.STANDARDS_AND_RULES, 0, true));
        assertThat(c.gaps()).isEqualTo(2 * 3 * 3 - 2);
    }

    @Test
    void theWorkingGroupsTargetsNarrowTheMatrix() {
        when(targets.current()).thenReturn(new TargetInstitutions(List.of("wb", "ebrd"), Instant.now(), "m-1", "d-1"));

        CoverageService.Coverage c = service.coverage();

        assertThat(c.institutionsFrom()).isEqualTo("working-group-targets");
        assertThat(c.institutionIds()).containsExactly("wb", "ebrd");
        assertThat(c.cells()).hasSize(2 * 2 * 3).noneMatch(cell -> cell.institutionId().equals("fatf"));
        assertThat(c.gaps()).isEqualTo(2 * 2 * 3 - 1);
    }
}
