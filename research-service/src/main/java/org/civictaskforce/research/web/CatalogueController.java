package org.civictaskforce.research.web;

import java.util.List;

import org.civictaskforce.research.application.CatalogueService;
import org.civictaskforce.research.domain.Standard;
import org.civictaskforce.research.web.CatalogueResponses.CountriesResponse;
import org.civictaskforce.research.web.CatalogueResponses.CountryResponse;
import org.civictaskforce.research.web.CatalogueResponses.InstitutionResponse;
import org.civictaskforce.research.web.CatalogueResponses.InstitutionSummary;
import org.civictaskforce.research.web.CatalogueResponses.RelationResponse;
import org.civictaskforce.research.web.CatalogueResponses.RelationsResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** The institution catalogue: institutions with standards and mechanism, countries and their relations. */
@RestController
@Validated
public class CatalogueController {
    static final String KINDS = "ifi|security|development|transparency";

    private final CatalogueService catalogue;

    public CatalogueController(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/research/institutions")
    @Operation(summary = "Catalogue institutions in catalogue order, optionally of one kind")
    public PagedModel<InstitutionSummary> institutions(
            @RequestParam(required = false) @Pattern(regexp = KINDS, message = "must be one of " + KINDS) String kind,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Access.member();
        return new PagedModel<>(catalogue.institutions(kind, PageRequest.of(page, size)).map(InstitutionSummary::of));
    }

    @GetMapping("/api/research/institutions/{id}")
    @Operation(summary = "An institution with its standards and accountability mechanism, each with its source")
    public InstitutionResponse institution(@PathVariable String id) {
        Access.member();
        return InstitutionResponse.of(catalogue.institution(id));
    }

    @GetMapping("/api/research/countries")
    @Operation(summary = "The five countries with languages and Freedom in the World rating")
    public CountriesResponse countries() {
        Access.member();
        return new CountriesResponse(catalogue.countries().stream().map(CountryResponse::of).toList());
    }

    @GetMapping("/api/research/countries/{code}/relations")
    @Operation(summary = "How a country stands with each institution, with sources")
    public RelationsResponse relations(@PathVariable String code) {
        Access.member();
        var country = catalogue.country(code);
        return new RelationsResponse(country.code(),
                catalogue.relations(country.code()).stream().map(RelationResponse::of).toList());
    }

    /**
     * A coordinator corrects a standard; the replaced version is kept and an
     * {@code InstitutionStandardCorrected} event is published. Coordinators only.
     */
    @PutMapping("/api/research/institutions/{id}/standards/{standardId}")
    @Operation(summary = "Correct a standard (coordinators); the previous version stays in the history")
    public Standard correctStandard(@PathVariable String id, @PathVariable String standardId,
            @Valid @RequestBody CorrectStandardRequest request) {
        Access.coordinator();
        return catalogue.correctStandard(id, standardId, request.toText(), request.reason().strip());
    }

    @GetMapping("/api/research/institutions/{id}/standards/{standardId}/versions")
    @Operation(summary = "The current version of a standard and every version it replaced, newest first")
    public StandardVersionsResponse standardVersions(@PathVariable String id, @PathVariable String standardId) {
        Access.member();
        return new StandardVersionsResponse(id, standardId, catalogue.standardVersions(id, standardId));
    }

    public record StandardVersionsResponse(String institutionId, String standardId, List<Standard> versions) {
    }
}
