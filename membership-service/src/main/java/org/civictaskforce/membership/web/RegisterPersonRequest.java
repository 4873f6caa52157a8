package org.civictaskforce.membership.web;

import java.util.List;
import java.util.Set;

import org.civictaskforce.membership.domain.GroupRole;
import org.civictaskforce.membership.domain.NewPerson;
import org.civictaskforce.membership.domain.PersonRules;
import org.civictaskforce.membership.domain.Profile;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/membership/people}. Country and language are accepted in either case. The
 * profile fields ({@code roles}, {@code languages}, {@code expertise}, {@code protectedIdentity}) are
 * optional, so the first journey's body stays valid.
 */
public record RegisterPersonRequest(
        @NotBlank @Size(max = PersonRules.DISPLAY_NAME_MAX) String displayName,
        @Size(max = PersonRules.FULL_NAME_MAX) String fullName,
        @NotBlank @Email @Size(max = PersonRules.EMAIL_MAX) String email,
        @NotBlank @IsoCode(IsoCode.Kind.COUNTRY) String country,
        @NotBlank @IsoCode(IsoCode.Kind.LANGUAGE) String preferredLanguage,
        @NotBlank @IsoCode(IsoCode.Kind.TIME_ZONE) String timeZone,
        Set<@NotNull GroupRole> roles,
        @Size(max = Profile.MAX_LANGUAGES) List<@NotBlank @IsoCode(IsoCode.Kind.LANGUAGE) String> languages,
        @Size(max = Profile.MAX_EXPERTISE) List<@NotBlank @Pattern(regexp = ProfileRequest.TAG,
                message = ProfileRequest.TAG_MESSAGE) String> expertise,
        Boolean protectedIdentity) {

    NewPerson toNewPerson() {
        return new NewPerson(displayName, fullName, email, country, preferredLanguage, timeZone);
    }

    Profile toProfile() {
        return Profile.of(roles, languages, expertise, Boolean.TRUE.equals(protectedIdentity));
    }

    @Override
    public String toString() {
        return "RegisterPersonRequest[<withheld>]";
    }
}
