package org.civictaskforce.research.web;

import java.time.LocalDate;

import org.civictaskforce.research.domain.Strand;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Assign research: who (member id), which country, which catalogue institution, which strand, due when. */
public record AssignmentRequest(
        @NotBlank @Size(max = 64) String expertId,
        @NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 alpha-2 code") String country,
        @NotNull @Size(max = 80) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$", message = "must be a catalogue institution id") String institutionId,
        @NotNull Strand strand,
        @NotNull @FutureOrPresent LocalDate dueDate) {
}
