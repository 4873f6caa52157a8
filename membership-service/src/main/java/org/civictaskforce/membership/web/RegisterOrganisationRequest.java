package org.civictaskforce.membership.web;

import java.util.List;

import org.civictaskforce.membership.domain.NewOrganisation;
import org.civictaskforce.membership.domain.Organisation;
import org.civictaskforce.membership.domain.OrganisationKind;
import org.civictaskforce.membership.domain.PersonRules;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/membership/organisations}. */
public record RegisterOrganisationRequest(
        @NotBlank @Size(max = Organisation.NAME_MAX) String name,
        @NotBlank @IsoCode(IsoCode.Kind.COUNTRY) String country,
        @NotNull OrganisationKind kind,
        @Size(max = Organisation.MAX_FOCUS_AREAS) List<@NotBlank @Pattern(regexp = ProfileRequest.TAG,
                message = ProfileRequest.TAG_MESSAGE) String> focusAreas,
        @Size(max = 300) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) address") String website,
        @Email @Size(max = PersonRules.EMAIL_MAX) String contactEmail,
        @Size(max = 40) @Pattern(regexp = "^[+0-9 ()-]{3,40}$", message = "must be a phone number") String contactPhone) {

    NewOrganisation toNewOrganisation() {
        return new NewOrganisation(name, country, kind, focusAreas, website, contactEmail, contactPhone);
    }

    @Override
    public String toString() {
        return "RegisterOrganisationRequest[<withheld>]";
    }
}
