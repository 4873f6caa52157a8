package org.civictaskforce.strategy.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A translation of a section, and the source revision it translates. */
public record TranslationRequest(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 200_000) String body,
        @NotNull @Positive Integer basedOnRevision) {
}
