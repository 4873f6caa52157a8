package org.civictaskforce.membership.domain;

/** What a coordinator gives to register a person; {@code fullName} is optional. */
public record NewPerson(String displayName, String fullName, String email, String country, String preferredLanguage,
        String timeZone) {
    @Override
    public String toString() {
        return "NewPerson[<withheld>]";
    }
}
