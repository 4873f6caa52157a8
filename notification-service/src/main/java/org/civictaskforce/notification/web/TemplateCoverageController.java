package org.civictaskforce.notification.web;

import java.util.List;

import org.civictaskforce.notification.application.TemplateCatalogue;
import org.civictaskforce.notification.application.TemplateCatalogue.LanguageCoverage;
import org.civictaskforce.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Which templates are translated into which language, and what a reader gets where one is missing.
 * Coordinators only (it is for those who organise translations).
 */
@RestController
public class TemplateCoverageController {
    private final TemplateCatalogue catalogue;

    public TemplateCoverageController(TemplateCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public record CoverageReport(List<String> templates, List<LanguageCoverage> languages) {
    }

    @GetMapping("/api/notifications/templates/coverage")
    @Operation(summary = "Which message templates exist in which languages")
    public CoverageReport coverage() {
        Caller.current().requireCoordinator();
        return new CoverageReport(List.copyOf(catalogue.templates()), catalogue.coverage());
    }
}
