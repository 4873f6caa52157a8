package org.civictaskforce.research.web;

import java.util.Locale;

import org.civictaskforce.platform.security.Caller;
import org.civictaskforce.research.application.SearchIndex;
import org.civictaskforce.research.application.SearchService;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Word search across findings, standards and mechanisms (any member; unaccepted findings: coordinators). */
@RestController
@Validated
public class SearchController {
    private final SearchService search;

    public SearchController(SearchService search) {
        this.search = search;
    }

    /** One hit: kind (finding, standard, mechanism), its id (standards: institutionId/standardId), title, snippet. */
    public record SearchHit(String kind, String id, String institutionId, String title, String snippet) {
        static SearchHit of(SearchIndex.Entry e) {
            return new SearchHit(e.kind().name().toLowerCase(Locale.ROOT), e.id(), e.institutionId(), e.title(),
                    e.snippet());
        }
    }

    @GetMapping("/api/research/search")
    @Operation(summary = "Findings, standards and mechanisms whose words start with every word of q "
            + "(case, accents and common Russian/English endings ignored; words of one or two letters match whole "
            + "words only), in kind then id order with the exact total; other members than coordinators find "
            + "accepted findings only")
    public PagedModel<SearchHit> search(
            @RequestParam @NotBlank @Size(max = 200) String q,
            @RequestParam(required = false) @Pattern(regexp = "finding|standard|mechanism",
                    message = "must be finding, standard or mechanism") String kind,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Caller caller = Access.member();
        SearchIndex.Kind k = kind == null ? null : SearchIndex.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        return new PagedModel<>(search.search(q, k, caller.isCoordinator(), PageRequest.of(page, size))
                .map(SearchHit::of));
    }
}
