package org.civictaskforce.membership.web;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.membership.domain.GroupRole;
import org.civictaskforce.membership.domain.MembershipStatus;
import org.civictaskforce.membership.domain.Person;

/**
 * One person with contact details, profile and consent, answered only by
 * {@code GET /api/membership/people/{id}}.
 *
 * <p>Only for coordinators and the person themself ({@link PeopleController#get} checks the caller).
 */
public record PersonDetailsResponse(String id, String displayName, String fullName, String email, String country,
        String preferredLanguage, String timeZone, MembershipStatus status, Instant registeredAt,
        InvitationView invitation, List<GroupRole> roles, List<String> languages, List<String> expertise,
        List<String> affiliations, boolean protectedIdentity, ConsentView consent) {

    static PersonDetailsResponse of(Person person) {
        return new PersonDetailsResponse(person.id(), person.displayName(), person.fullName(), person.email(),
                person.country(), person.preferredLanguage(), person.timeZone(), person.status(),
                person.registeredAt(), InvitationView.of(person), person.profile().sortedRoles(),
                person.profile().languages(), person.profile().expertise(), person.affiliations(),
                person.profile().protectedIdentity(), ConsentView.of(person.consent()));
    }
}
