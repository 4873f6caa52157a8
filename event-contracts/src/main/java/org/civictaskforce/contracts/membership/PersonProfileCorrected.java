package org.civictaskforce.contracts.membership;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.EventType;

/**
 * A person corrected their own details. It says which fields changed, never their values: the name,
 * e-mail address and time zone travel only on the compacted contacts topic
 * ({@code membership.contacts.v1}), which carries the new contact record at the same time. The preferred
 * language is here too because {@link PersonRegistered} already carries it and consumers keep it.
 *
 * @param corrected the corrected fields: {@code displayName}, {@code fullName}, {@code email},
 *                  {@code preferredLanguage}, {@code timeZone} (other languages are announced by
 *                  {@link PersonProfileUpdated}, as for any profile change)
 * @param preferredLanguage the person's preferred language after the correction (ISO 639-1)
 */
@EventType("org.civictaskforce.membership.person.profile-corrected")
public record PersonProfileCorrected(String personId, List<String> corrected, String preferredLanguage,
        Instant correctedAt) {
    public static final String DISPLAY_NAME = "displayName";
    public static final String FULL_NAME = "fullName";
    public static final String EMAIL = "email";
    public static final String PREFERRED_LANGUAGE = "preferredLanguage";
    public static final String TIME_ZONE = "timeZone";

    public PersonProfileCorrected {
        corrected = corrected == null ? List.of() : List.copyOf(corrected);
    }
}
