package org.civictaskforce.research.web;

import java.net.URI;
import java.util.Locale;

import org.civictaskforce.platform.security.Caller;
import org.civictaskforce.research.application.AssignmentService;
import org.civictaskforce.research.domain.AssignmentStatus;
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

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Research assignments and their lifecycle. Coordinators assign, return and accept and see every
 * assignment; the assigned expert starts and submits and sees their own (the list is filtered).
 */
@RestController
@Validated
@RequestMapping(AssignmentsController.PATH)
public class AssignmentsController {
    static final String PATH = "/api/research/assignments";
    /** An expert id no assignment has (ids are never empty): the filter for "someone else's". */
    private static final String NOBODY = "";

    private final AssignmentService service;

    public AssignmentsController(AssignmentService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Assign research to an expert; the answer's warnings show the plan's 1–3 experts per country")
    @ApiResponse(responseCode = "201", description = "Assigned (Location: the assignment)", useReturnTypeSchema = true)
    public ResponseEntity<AssignmentResponse> assign(@Valid @RequestBody AssignmentRequest request) {
        Access.coordinator();
        var created = service.assign(request.expertId().strip(), request.country().toUpperCase(Locale.ROOT),
                request.institutionId(), request.strand(), request.dueDate());
        return ResponseEntity.created(URI.create(PATH + "/" + created.assignment().id()))
                .body(AssignmentResponse.of(created.assignment(), created.warnings()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An assignment")
    public AssignmentResponse get(@PathVariable String id) {
        Caller caller = Access.coordinatorOrExpert();
        return AssignmentResponse.of(Access.visible(caller, service.get(id)));
    }

    @GetMapping
    @Operation(summary = "Assignments in creation order, filtered by country, expert or status")
    public PagedModel<AssignmentResponse> list(
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z]{2}") String country,
            @RequestParam(required = false) @Size(min = 1, max = 64) String expertId,
            @RequestParam(required = false) AssignmentStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Caller caller = Access.coordinatorOrExpert();
        String expert = expertId;
        if (!caller.isCoordinator()) {
            // an expert's list is their own assignments: asking for someone else's gives an empty page
            expert = expertId == null || caller.is(expertId) ? caller.subject() : NOBODY;
        }
        return new PagedModel<>(service.search(country == null ? null : country.toUpperCase(Locale.ROOT), expert,
                status, PageRequest.of(page, size)).map(AssignmentResponse::of));
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "The expert starts (or restarts after a return): IN_PROGRESS")
    public AssignmentResponse start(@PathVariable String id) {
        Access.requireAssignedExpert(Access.coordinatorOrExpert(), service.get(id));
        return AssignmentResponse.of(service.moveTo(id, AssignmentStatus.IN_PROGRESS));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "The expert submits: SUBMITTED")
    public AssignmentResponse submit(@PathVariable String id) {
        Access.requireAssignedExpert(Access.coordinatorOrExpert(), service.get(id));
        return AssignmentResponse.of(service.moveTo(id, AssignmentStatus.SUBMITTED));
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "A coordinator returns it for more work: RETURNED")
    public AssignmentResponse giveBack(@PathVariable String id) {
        Access.coordinator();
        return AssignmentResponse.of(service.moveTo(id, AssignmentStatus.RETURNED));
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "A coordinator accepts it: ACCEPTED (final)")
    public AssignmentResponse accept(@PathVariable String id) {
        Access.coordinator();
        return AssignmentResponse.of(service.moveTo(id, AssignmentStatus.ACCEPTED));
    }
}
