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
 * <p>TODO(identity): anyone who can reach the service can read this today; the identity issue must
 * allow it only to coordinators and the person themself (object-level check in the service).
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
