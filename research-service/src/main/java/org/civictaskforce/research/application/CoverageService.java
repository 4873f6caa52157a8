package org.civictaskforce.research.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civictaskforce.research.domain.Country;
import org.civictaskforce.research.domain.Institution;
import org.civictaskforce.research.domain.Strand;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Country × institution × strand with the number of accepted findings; a cell without any is a gap.
 * Institutions: the working group's targets if decided, else the whole catalogue.
 */
@Service
public class CoverageService {
    private final CatalogueStore catalogue;
    private final FindingStore findings;
    private final TargetInstitutionsReadModel targets;

    public CoverageService(CatalogueStore catalogue, FindingStore findings, TargetInstitutionsReadModel targets) {
        this.catalogue = catalogue;
        this.findings = findings;
        this.targets = targets;
    }

    public record Cell(String country, String institutionId, Strand strand, long acceptedFindings, boolean gap) {
    }

    public record Coverage(String institutionsFrom, List<String> countries, List<String> institutionIds,
            List<Cell> cells, long gaps) {
    }

    public Coverage coverage() {
        List<String> targeted = targets.current().institutionIds();
        List<String> institutions = targeted.isEmpty()
                ? catalogue.institutions(null, Pageable.unpaged()).map(Institution::id).getContent()
                : targeted;
        List<String> countries = catalogue.countries().stream().map(Country::code).toList();
        Map<String, Long> counts = new HashMap<>();
        for (FindingStore.Count c : findings.acceptedCounts()) {
            counts.put(key(c.country(), c.institutionId(), c.strand()), c.accepted());
        }
        List<Cell> cells = new ArrayList<>();
        for (String country : countries) {
            for (String institution : institutions) {
                for (Strand strand : Strand.values()) {
                    long n = counts.getOrDefault(key(country, institution, strand), 0L);
                    cells.add(new Cell(country, institution, strand, n, n == 0));
                }
            }
        }
        return new Coverage(targeted.isEmpty() ? "catalogue" : "working-group-targets", countries, institutions,
                cells, cells.stream().filter(Cell::gap).count());
    }

    private static String key(String country, String institution, Strand strand) {
        return country + "|" + institution + "|" + strand;
    }
}
