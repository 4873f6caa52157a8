package org.civictaskforce.membership.web;

import org.civictaskforce.membership.domain.NewPerson;
import org.civictaskforce.membership.domain.PersonRules;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/membership/people}. Country and language are accepted in either case. */
public record RegisterPersonRequest(
        @NotBlank @Size(max = PersonRules.DISPLAY_NAME_MAX) String displayName,
        @Size(max = PersonRules.FULL_NAME_MAX) String fullName,
        @NotBlank @Email @Size(max = PersonRules.EMAIL_MAX) String email,
        @NotBlank @IsoCode(IsoCode.Kind.COUNTRY) String country,
        @NotBlank @IsoCode(IsoCode.Kind.LANGUAGE) String preferredLanguage,
        @NotBlank @IsoCode(IsoCode.Kind.TIME_ZONE) String timeZone) {

    NewPerson toNewPerson() {
        return new NewPerson(displayName, fullName, email, country, preferredLanguage, timeZone);
    }

    @Override
    public String toString() {
        return "RegisterPersonRequest[<withheld>]";
    }
}
