package org.civictaskforce.membership.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A person's working-group profile: roles, languages (ISO 639-1), expertise tags, and whether their
 * identity is protected (then others see only the display name).
 */
public record Profile(Set<GroupRole> roles, List<String> languages, List<String> expertise, boolean protectedIdentity) {
    public static final Profile NONE = new Profile(Set.of(), List.of(), List.of(), false);
    public static final int MAX_LANGUAGES = 20;
    public static final int MAX_EXPERTISE = 30;

    public Profile {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        languages = languages == null ? List.of() : List.copyOf(languages);
        expertise = expertise == null ? List.of() : List.copyOf(expertise);
    }

    /** Checks and normalises raw input: languages lower case and de-duplicated, tags as {@code lower-case-words}. */
    public static Profile of(Set<GroupRole> roles, List<String> languages, List<String> expertise,
            boolean protectedIdentity) {
        Set<String> langs = new LinkedHashSet<>();
        for (String language : languages == null ? List.<String>of() : languages) {
            if (!PersonRules.isLanguage(language)) {
                throw new InvalidPersonException("languages", "must be ISO 639-1 language codes");
            }
            langs.add(PersonRules.normaliseLanguage(language));
        }
        if (langs.size() > MAX_LANGUAGES) {
            throw new InvalidPersonException("languages", "must be at most " + MAX_LANGUAGES);
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : expertise == null ? List.<String>of() : expertise) {
            String normalised = PersonRules.normaliseTag(tag);
            if (!PersonRules.isTag(normalised)) {
                throw new InvalidPersonException("expertise", "must be tags of 1-50 letters a-z, digits or dashes");
            }
            tags.add(normalised);
        }
        if (tags.size() > MAX_EXPERTISE) {
            throw new InvalidPersonException("expertise", "must be at most " + MAX_EXPERTISE + " tags");
        }
        if (roles != null && roles.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidPersonException("roles", "must not contain null");
        }
        return new Profile(roles, new ArrayList<>(langs), new ArrayList<>(tags), protectedIdentity);
    }

    /** Roles in a stable order (declaration order), for events and responses. */
    public List<GroupRole> sortedRoles() {
        return roles.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(roles));
    }
}
