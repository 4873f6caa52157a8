package org.civictaskforce.research.web;

import java.time.LocalDate;
import java.util.List;

import org.civictaskforce.research.domain.Finding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A finding (first submission or resubmission): statement, at least one citation, tags, confidence. */
public record FindingRequest(
        @NotBlank @Size(max = 5000) String statement,
        @NotEmpty @Size(max = 30) List<@Valid @NotNull CitationRequest> evidence,
        @Size(max = 20) List<@Size(max = 100) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$", message = "must be a standard id") String> standardIds,
        @NotNull @Pattern(regexp = "high|medium|low", message = "must be high, medium or low") String confidence) {

    /** One citation: a link or a document (the service insists on one of them), section/page, short quote, date read. */
    public record CitationRequest(
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String link,
            @Size(max = 300) String document,
            @Size(max = 100) String section,
            @Size(max = 500) String quote,
            @NotNull @PastOrPresent LocalDate accessedOn) {
    }

    Finding.Content toContent() {
        return new Finding.Content(statement.strip(),
                evidence.stream().map(c -> new Finding.Citation(c.link(), c.document(), c.section(), c.quote(),
                        c.accessedOn())).toList(),
                standardIds, confidence);
    }
}
