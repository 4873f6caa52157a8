package org.civictaskforce.platform.audit;

import java.time.Instant;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * {@code GET /admin/audit?subject=&type=&from=&to=&page=&size=}: who changed what, when and from
 * which request, newest first. Coordinators only: the platform's security lets nobody else into
 * {@code /admin/**} (401/403 problems). The gateway routes {@code GET /api/<service>/audit} here, so the web
 * client's back office reads every service's trail through it.
 */
@RestController
@Validated
@RequestMapping("/admin/audit")
public class AuditController {
    private static final String ID = "[A-Za-z0-9._:-]{1,100}";

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    public PagedModel<AuditEntry> search(
            @RequestParam(required = false) @Pattern(regexp = ID) String subject,
            @RequestParam(required = false) @Pattern(regexp = ID) String type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new PagedModel<>(audit.search(subject, type, from, to, PageRequest.of(page, size)));
    }
}
