package org.civictaskforce.research.domain;

/**
 * Where a catalogue fact comes from: the source page, how sure the compiler was ({@code high},
 * {@code medium}, {@code low}) and whether the source was confirmed at all ({@code unverified: true}
 * marks a draft to check before publishing).
 */
public record Source(String url, String confidence, boolean unverified) {
}
