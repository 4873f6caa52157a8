package org.civictaskforce.research.web;

import java.net.URI;
import java.util.List;

import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.platform.security.Caller;
import org.civictaskforce.research.application.AssignmentService;
import org.civictaskforce.research.application.CoverageService;
import org.civictaskforce.research.application.FindingService;
import org.civictaskforce.research.domain.Assignment;
import org.civictaskforce.research.domain.Finding;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Findings of assignments, their review, and the coverage matrix. The assigned expert submits and
 * resubmits; coordinators comment and return; coordinators and the expert read a finding in any state,
 * other members only accepted ones (anything else is 404 to them).
 */
@RestController
@Validated
public class FindingsController {
    private final FindingService findings;
    private final AssignmentService assignments;
    private final CoverageService coverage;

    public FindingsController(FindingService findings, AssignmentService assignments, CoverageService coverage) {
        this.findings = findings;
        this.assignments = assignments;
        this.coverage = coverage;
    }

    /** The finding if the caller may see it, else 404 as if it did not exist. */
    private Finding visible(Caller caller, String id) {
        Finding f = findings.get(id);
        if (!Access.seesFinding(caller, assignments.get(f.assignmentId()), f)) {
            throw new NotFoundException("finding", id);
        }
        return f;
    }

    public record FindingsResponse(String assignmentId, List<Finding> findings) {
    }

    public record CommentRequest(@NotBlank @Size(max = 2000) String text, Boolean returnForRevision) {
    }

    /** Return for revision: the comment is required (the expert reads it on the finding). */
    public record ReturnRequest(@NotBlank @Size(max = 2000) String comment) {
    }

    @PostMapping("/api/research/assignments/{id}/findings")
    @Operation(summary = "Submit a finding of an assignment that is IN_PROGRESS or RETURNED (version 1)")
    @ApiResponse(responseCode = "201", description = "Submitted (Location: the finding)", useReturnTypeSchema = true)
    public ResponseEntity<Finding> submit(@PathVariable String id, @Valid @RequestBody FindingRequest request) {
        Access.requireAssignedExpert(Access.coordinatorOrExpert(), assignments.get(id));
        Finding f = findings.submit(id, request.toContent());
        return ResponseEntity.created(URI.create("/api/research/findings/" + f.id())).body(f);
    }

    @GetMapping("/api/research/assignments/{id}/findings")
    @Operation(summary = "The findings of an assignment")
    public FindingsResponse ofAssignment(@PathVariable String id) {
        Caller caller = Access.member();
        Assignment assignment = assignments.get(id);
        boolean all = Access.seesAssignment(caller, assignment);
        return new FindingsResponse(id, findings.ofAssignment(id).stream()
                .filter(f -> all || f.status() == Finding.FindingStatus.ACCEPTED).toList());
    }

    @GetMapping("/api/research/findings/{id}")
    @Operation(summary = "A finding with every version and every review comment")
    public Finding get(@PathVariable String id) {
        return visible(Access.member(), id);
    }

    @PutMapping("/api/research/findings/{id}")
    @Operation(summary = "Resubmit a finding: a new version, the earlier ones are kept; 409 once accepted")
    public Finding resubmit(@PathVariable String id, @Valid @RequestBody FindingRequest request) {
        Caller caller = Access.coordinatorOrExpert();
        Finding f = visible(caller, id);
        Access.requireAssignedExpert(caller, assignments.get(f.assignmentId()));
        return findings.resubmit(id, request.toContent());
    }

    @PostMapping("/api/research/findings/{id}/comments")
    @Operation(summary = "A review comment on the current version; returnForRevision: true returns it for revision "
            + "(as POST /findings/{id}/return)")
    public Finding comment(@PathVariable String id, @Valid @RequestBody CommentRequest request) {
        Access.coordinator();
        String text = request.text().strip();
        return Boolean.TRUE.equals(request.returnForRevision()) ? findings.returnForRevision(id, text)
                : findings.comment(id, text);
    }

    @PostMapping("/api/research/findings/{id}/return")
    @Operation(summary = "Return a submitted finding for revision with a comment, in one step: the finding becomes "
            + "RETURNED (editable, the comment on it), its assignment goes from SUBMITTED back to IN_PROGRESS, "
            + "the expert is told; 409 unless the finding and its assignment are SUBMITTED")
    public Finding giveBack(@PathVariable String id, @Valid @RequestBody ReturnRequest request) {
        Access.coordinator();
        return findings.returnForRevision(id, request.comment().strip());
    }

    @GetMapping("/api/research/coverage")
    @Operation(summary = "Country × institution × strand: accepted findings, gap: true where there are none")
    public CoverageService.Coverage coverage() {
        Access.member();
        return coverage.coverage();
    }
}
