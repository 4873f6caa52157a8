package org.civictaskforce.research.web;

import org.civictaskforce.research.domain.Source;
import org.civictaskforce.research.domain.StandardCorrection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A coordinator's corrected text and source of a standard, and why ({@code unverified} absent = false). */
public record CorrectStandardRequest(
        @NotBlank @Size(max = 300) String title,
        @Min(1900) @Max(2100) Integer year,
        @NotBlank @Size(max = 2000) String summary,
        @Size(max = 1000) String note,
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @NotNull @Pattern(regexp = "high|medium|low", message = "must be high, medium or low") String confidence,
        Boolean unverified,
        @NotBlank @Size(max = 1000) String reason) {

    StandardCorrection.Text toText() {
        return new StandardCorrection.Text(title.strip(), year, summary.strip(), note == null ? null : note.strip(),
                new Source(url.strip(), confidence, Boolean.TRUE.equals(unverified)));
    }
}
