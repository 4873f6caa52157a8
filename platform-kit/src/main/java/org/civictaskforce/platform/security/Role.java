package org.civictaskforce.platform.security;

import java.util.Locale;
import java.util.Optional;

/**
 * A working-group role as it travels in the access token's {@code roles} claim (lower case). Roles
 * follow membership: the identity service issues them only to active members, so a change of
 * membership changes what a person may do at their next token.
 */
public enum Role {
    COORDINATOR, EXPERT, MEMBER, TRANSLATOR, OBSERVER;

    /** The claim value, e.g. {@code "coordinator"}. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, e.g. {@code ROLE_COORDINATOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named by a claim value; unknown values are ignored rather than trusted. */
    public static Optional<Role> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
