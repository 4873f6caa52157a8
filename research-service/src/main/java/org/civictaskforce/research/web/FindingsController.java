package org.civictaskforce.research.web;

import java.net.URI;
import java.util.List;

import org.civictaskforce.research.application.CoverageService;
import org.civictaskforce.research.application.FindingService;
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

/** Findings of assignments, their review, and the coverage matrix. TODO(identity): experts submit, coordinators review. */
@RestController
@Validated
public class FindingsController {
    private final FindingService findings;
    private final CoverageService coverage;

    public FindingsController(FindingService findings, CoverageService coverage) {
        this.findings = findings;
        this.coverage = coverage;
    }

    public record FindingsResponse(String assignmentId, List<Finding> findings) {
    }

    public record CommentRequest(@NotBlank @Size(max = 2000) String text, Boolean returnForRevision) {
    }

    @PostMapping("/api/research/assignments/{id}/findings")
    @Operation(summary = "Submit a finding of an assignment that is IN_PROGRESS or RETURNED (version 1)")
    public ResponseEntity<Finding> submit(@PathVariable String id, @Valid @RequestBody FindingRequest request) {
        Finding f = findings.submit(id, request.toContent());
        return ResponseEntity.created(URI.create("/api/research/findings/" + f.id())).body(f);
    }

    @GetMapping("/api/research/assignments/{id}/findings")
    public FindingsResponse ofAssignment(@PathVariable String id) {
        return new FindingsResponse(id, findings.ofAssignment(id));
    }

    @GetMapping("/api/research/findings/{id}")
    @Operation(summary = "A finding with every version and every review comment")
    public Finding get(@PathVariable String id) {
        return findings.get(id);
    }

    @PutMapping("/api/research/findings/{id}")
    @Operation(summary = "Resubmit a finding: a new version, the earlier ones are kept; 409 once accepted")
    public Finding resubmit(@PathVariable String id, @Valid @RequestBody FindingRequest request) {
        return findings.resubmit(id, request.toContent());
    }

    @PostMapping("/api/research/findings/{id}/comments")
    @Operation(summary = "A review comment on the current version; returnForRevision: true also returns it")
    public Finding comment(@PathVariable String id, @Valid @RequestBody CommentRequest request) {
        return findings.review(id, request.text().strip(), Boolean.TRUE.equals(request.returnForRevision()));
    }

    @GetMapping("/api/research/coverage")
    @Operation(summary = "Country × institution × strand: accepted findings, gap: true where there are none")
    public CoverageService.Coverage coverage() {
        return coverage.coverage();
    }
}
