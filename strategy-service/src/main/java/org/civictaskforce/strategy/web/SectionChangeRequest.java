package org.civictaskforce.strategy.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The new source text of a section (Markdown body). */
public record SectionChangeRequest(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 200_000) String body) {
}
