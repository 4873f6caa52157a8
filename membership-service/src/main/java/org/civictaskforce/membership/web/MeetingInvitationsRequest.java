package org.civictaskforce.membership.web;

import java.util.List;

import org.civictaskforce.membership.domain.GroupRole;
import org.civictaskforce.membership.domain.Meeting;
import org.civictaskforce.membership.domain.MembershipStatus;
import org.civictaskforce.membership.domain.PersonFilter;
import org.civictaskforce.membership.domain.PersonRules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/membership/meetings/{id}/invitations}: either {@code personIds} or a
 * {@code filter} over people ({@code {"status":"ACTIVE","role":"EXPERT","country":"KG"}}), the same
 * filters as the people list.
 */
public record MeetingInvitationsRequest(
        @Size(min = 1, max = Meeting.INVITEES_MAX) List<@NotBlank @Size(max = 100) String> personIds,
        @Valid Filter filter) {

    public record Filter(MembershipStatus status, GroupRole role,
            @IsoCode(IsoCode.Kind.COUNTRY) String country,
            @Pattern(regexp = ProfileRequest.TAG, message = ProfileRequest.TAG_MESSAGE) String expertise,
            @IsoCode(IsoCode.Kind.LANGUAGE) String language) {

        PersonFilter toPersonFilter() {
            return new PersonFilter(PersonRules.normaliseCountry(country), status, role,
                    PersonRules.normaliseTag(expertise), PersonRules.normaliseLanguage(language), null);
        }
    }

    @AssertTrue(message = "give exactly one of personIds or filter")
    public boolean isTarget() {
        return (personIds == null) != (filter == null);
    }
}
