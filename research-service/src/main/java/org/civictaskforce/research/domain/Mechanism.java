package org.civictaskforce.research.domain;

import java.util.List;

/** An institution's accountability (complaints) mechanism, or {@code name: "none"} with a note. */
public record Mechanism(String name, String established, List<String> functions, String howToFile,
        String eligibilityNote, String eligibilityConfidence, String note, Source source) {
}
