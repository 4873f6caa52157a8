package org.civictaskforce.strategy.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.civictaskforce.platform.security.Caller;
import org.civictaskforce.strategy.application.ConsultationService;
import org.civictaskforce.strategy.application.StrategyInputs;
import org.civictaskforce.strategy.application.StrategyService;
import org.civictaskforce.strategy.domain.strategy.StrategyContent;
import org.civictaskforce.strategy.domain.strategy.StrategyVersion;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The Working Group's strategy and its versions. Reads: signed-in members (any role); drafts, edits
 * and adoption: coordinators. Not public: its risks name reprisal risks and its actions name people.
 */
@RestController
@RequestMapping("/api/strategy")
public class StrategyController {
    private final StrategyService strategy;

    public StrategyController(StrategyService strategy) {
        this.strategy = strategy;
    }

    public record VersionSummary(int version, String status, Integer basedOn, Instant changedAt, Instant adoptedAt) {
        static VersionSummary of(StrategyVersion v) {
            return new VersionSummary(v.number(), v.status().name(), v.basedOn(), v.changedAt(), v.adoptedAt());
        }
    }

    public record VersionView(int version, String status, Integer basedOn, StrategyContent content,
            List<String> sections, Instant changedAt, String changedBy, Instant adoptedAt, String adoptedBy) {
        static VersionView of(StrategyVersion v) {
            return new VersionView(v.number(), v.status().name(), v.basedOn(), v.content(), StrategyContent.SECTIONS,
                    v.changedAt(), v.changedBy(), v.adoptedAt(), v.adoptedBy());
        }
    }

    /** The draft's sections; anything else in the body (status, version, adoptedBy, ...) is ignored. */
    public record ContentRequest(@NotNull StrategyContent content) {
    }

    @GetMapping("/versions")
    @Operation(summary = "The strategy's versions, oldest first (members)")
    public List<VersionSummary> versions() {
        requireMember();
        return strategy.versions().stream().map(VersionSummary::of).toList();
    }

    @GetMapping("/versions/{number}")
    @Operation(summary = "One version with all its sections (members)")
    public VersionView version(@PathVariable int number) {
        requireMember();
        return VersionView.of(strategy.version(number));
    }

    @PostMapping("/versions")
    @Operation(summary = "Start the next draft: version 1, or a copy of the latest adopted version (coordinators)")
    @ApiResponse(responseCode = "201", description = "Started (Location: the version)", useReturnTypeSchema = true)
    public ResponseEntity<VersionView> startDraft() {
        StrategyVersion draft = strategy.startDraft(Caller.current());
        return ResponseEntity.created(URI.create("/api/strategy/versions/" + draft.number())).body(VersionView.of(draft));
    }

    @PutMapping("/versions/{number}")
    @Operation(summary = "Replace a draft's sections (coordinators); 409 once adopted")
    public VersionView edit(@PathVariable int number, @jakarta.validation.Valid @RequestBody ContentRequest request) {
        return VersionView.of(strategy.edit(number, request.content(), Caller.current()));
    }

    @PostMapping("/versions/{number}/adopt")
    @Operation(summary = "Adopt a version after a consultation round on it has closed (coordinators)")
    public VersionView adopt(@PathVariable int number) {
        return VersionView.of(strategy.adopt(number, Caller.current()));
    }

    @GetMapping("/evidence")
    @Operation(summary = "Accepted research findings that a draft may link as evidence (ids; members)")
    public List<StrategyInputs.AcceptedFinding> evidence() {
        requireMember();
        return strategy.acceptedFindings();
    }

    @GetMapping("/targets")
    @Operation(summary = "The target institutions the working group decided last (members)")
    public List<String> targets() {
        requireMember();
        return strategy.decidedTargets();
    }

    static void requireMember() {
        Caller caller = Caller.current();
        caller.require(ConsultationService.isMember(caller), "Only members of the working group may read this.");
    }
}
