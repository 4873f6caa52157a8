package org.civictaskforce.membership.domain;

import java.util.List;

/**
 * What a person corrects of their own details; {@code null} leaves a field as it is, a blank
 * {@code fullName} removes it (it is optional). Checked by the same rules as a registration
 * ({@link Person#correct}).
 *
 * @param languages the other languages they work in (ISO 639-1), part of their working-group profile
 */
public record DetailsCorrection(String displayName, String fullName, String email, String preferredLanguage,
        String timeZone, List<String> languages) {
    @Override
    public String toString() {
        return "DetailsCorrection[<withheld>]";
    }
}
