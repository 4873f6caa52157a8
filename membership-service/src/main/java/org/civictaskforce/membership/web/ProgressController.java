package org.civictaskforce.membership.web;

import org.civictaskforce.membership.application.ProgressService;
import org.civictaskforce.membership.domain.PlanProgress;
import org.civictaskforce.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;

/**
 * {@code GET /api/membership/progress}: the Working Group against its plan's targets (counts only, no
 * names). Counts of experts per country still say something about who is in the group, so only
 * members (any working-group role) see it, and an expert with a protected identity is counted under
 * their country only for coordinators (everyone else: in the total, under no country), as the people
 * list shows their country only to coordinators and themselves.
 */
@RestController
public class ProgressController {
    private final ProgressService service;

    public ProgressController(ProgressService service) {
        this.service = service;
    }

    @GetMapping("/api/membership/progress")
    @Operation(summary = "Progress against the plan: experts per country, countries, organisations at discussions")
    public PlanProgress progress() {
        return service.progress(Caller.current());
    }
}
