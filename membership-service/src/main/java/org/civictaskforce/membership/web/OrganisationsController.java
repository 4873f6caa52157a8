package org.civictaskforce.membership.web;

import java.net.URI;

import org.civictaskforce.membership.application.OrganisationService;
import org.civictaskforce.membership.domain.Organisation;
import org.civictaskforce.membership.domain.OrganisationFilter;
import org.civictaskforce.membership.domain.OrganisationKind;
import org.civictaskforce.membership.domain.OrganisationStatus;
import org.civictaskforce.membership.domain.PersonRules;
import org.civictaskforce.platform.security.Caller;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Organisations (CSOs): register, read, list with filters, invite, join, withdraw. Registering and
 * every status change are for coordinators; reading and listing for any working-group role; the
 * contact only for coordinators.
 */
@RestController
@Validated
@RequestMapping(OrganisationsController.PATH)
public class OrganisationsController {
    static final String PATH = "/api/membership/organisations";

    private final OrganisationService service;

    public OrganisationsController(OrganisationService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Register a member organisation (coordinators)")
    @ApiResponse(responseCode = "201", description = "Registered (Location: the organisation)", useReturnTypeSchema = true)
    public ResponseEntity<OrganisationResponse> register(@Valid @RequestBody RegisterOrganisationRequest request) {
        Organisation organisation = service.register(request.toNewOrganisation(), Caller.current());
        return ResponseEntity.created(URI.create(PATH + "/" + organisation.id()))
                .body(OrganisationResponse.of(organisation));
    }

    /** The only read that shows the contact, and only to coordinators; other members get it without. */
    @GetMapping("/{id}")
    @Operation(summary = "An organisation; the contact only for coordinators")
    public OrganisationResponse get(@PathVariable String id) {
        Caller caller = Caller.current();
        Organisation organisation = service.get(id, caller);
        return caller.isCoordinator() ? OrganisationResponse.withContact(organisation)
                : OrganisationResponse.of(organisation);
    }

    /** Sorted by registration; {@code q} matches the start of any word of the name. */
    @GetMapping
    @Operation(summary = "Organisations, filtered and paged")
    public PagedModel<OrganisationResponse> list(
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.COUNTRY) String country,
            @RequestParam(required = false) OrganisationStatus status,
            @RequestParam(required = false) OrganisationKind kind,
            @RequestParam(required = false) @Pattern(regexp = ProfileRequest.TAG, message = ProfileRequest.TAG_MESSAGE) String focus,
            @RequestParam(required = false) @Size(min = 1, max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        OrganisationFilter filter = new OrganisationFilter(PersonRules.normaliseCountry(country), status, kind,
                PersonRules.normaliseTag(focus), q == null || q.isBlank() ? null : q);
        return new PagedModel<>(service.search(filter, PageRequest.of(page, size), Caller.current()).map(OrganisationResponse::of));
    }

    @PostMapping("/{id}/invitation")
    @Operation(summary = "Invite an organisation (coordinators)")
    public OrganisationResponse invite(@PathVariable String id) {
        return OrganisationResponse.of(service.invite(id, Caller.current()));
    }

    @PostMapping("/{id}/join")
    @Operation(summary = "An invited organisation joins")
    public OrganisationResponse join(@PathVariable String id) {
        return OrganisationResponse.of(service.join(id, Caller.current()));
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "An organisation withdraws")
    public OrganisationResponse withdraw(@PathVariable String id) {
        return OrganisationResponse.of(service.withdraw(id, Caller.current()));
    }
}
