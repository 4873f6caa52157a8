package org.civictaskforce.strategy.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new section of the guide, written in the guide's source language. */
public record SectionRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,59}", message = "lower-case letters, digits or '-'") String key,
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 200_000) String body) {
}
