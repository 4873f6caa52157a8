package org.civictaskforce.membership.web;

import org.civictaskforce.membership.application.ProgressService;
import org.civictaskforce.membership.domain.PlanProgress;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/membership/progress}: the Working Group against its plan's targets (counts only, no names). */
@RestController
public class ProgressController {
    private final ProgressService service;

    public ProgressController(ProgressService service) {
        this.service = service;
    }

    @GetMapping("/api/membership/progress")
    public PlanProgress progress() {
        return service.progress();
    }
}
