package org.civictaskforce.research.web;

import org.civictaskforce.research.application.WorkingGroupTargets;
import org.civictaskforce.research.domain.TargetInstitutions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
public class TargetInstitutionsController {
    private final WorkingGroupTargets targets;

    public TargetInstitutionsController(WorkingGroupTargets targets) {
        this.targets = targets;
    }

    @GetMapping("/api/research/target-institutions")
    @Operation(summary = "The institutions the Working Group targets, as last decided in a meeting")
    public TargetInstitutionsResponse targetInstitutions() {
        Access.member();
        TargetInstitutions t = targets.current();
        return new TargetInstitutionsResponse(t.institutionIds(), t.decidedAt(), t.meetingId(), t.decisionId());
    }
}
