package org.civictaskforce.research.domain;

import java.util.List;
import java.util.regex.Pattern;

/** A catalogue institution with its standards and its accountability mechanism. */
public record Institution(String id, String name, String kind, List<Standard> standards, Mechanism mechanism) {
    /** The ids the working group's "target these institutions" decisions use. */
    public static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]*$");
    public static final List<String> KINDS = List.of("ifi", "security", "development", "transparency");

    public Institution {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("institution id " + id + " does not match " + ID.pattern());
        }
        standards = standards == null ? List.of() : List.copyOf(standards);
    }
}
