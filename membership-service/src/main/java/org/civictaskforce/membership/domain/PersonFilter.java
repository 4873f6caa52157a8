package org.civictaskforce.membership.domain;

/**
 * The filters of the people list; {@code null} means "any". Codes are already normalised (country
 * upper case, language lower case, expertise as a tag); {@code text} matches a prefix of any word
 * of the display name, ignoring case and accents.
 */
public record PersonFilter(String country, MembershipStatus status, GroupRole role, String expertise,
        String language, String text) {
    public static final PersonFilter ANY = new PersonFilter(null, null, null, null, null, null);

    /**
     * Whether the filter selects by something a protected person hides (country, role, expertise,
     * language): then protected people are left out, or the filter would reveal it.
     * TODO(identity): coordinators will see them.
     */
    public boolean selectsByHiddenAttribute() {
        return country != null || role != null || expertise != null || language != null;
    }
}
