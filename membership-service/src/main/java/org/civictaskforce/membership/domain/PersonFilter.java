package org.civictaskforce.membership.domain;

/**
 * The filters of the people list; {@code null} means "any". Codes are already normalised (country
 * upper case, language lower case, expertise as a tag); {@code text} matches a prefix of any word
 * of the display name, ignoring case and accents.
 */
public record PersonFilter(String country, MembershipStatus status, GroupRole role, String expertise,
        String language, String text, boolean protectedShown) {
    public static final PersonFilter ANY = new PersonFilter(null, null, null, null, null, null);

    /** A filter as a member may use it: protected people are left out when it selects by what they hide. */
    public PersonFilter(String country, MembershipStatus status, GroupRole role, String expertise, String language,
            String text) {
        this(country, status, role, expertise, language, text, false);
    }

    /** The same filter for someone who may see protected people in full (a coordinator): nothing is left out. */
    public PersonFilter showingProtected() {
        return new PersonFilter(country, status, role, expertise, language, text, true);
    }

    /**
     * Whether the filter selects by something a protected person hides (country, role, expertise,
     * language): then protected people are left out, or the filter would reveal it — unless the
     * filter is {@link #showingProtected()}.
     */
    public boolean selectsByHiddenAttribute() {
        return !protectedShown && (country != null || role != null || expertise != null || language != null);
    }
}
