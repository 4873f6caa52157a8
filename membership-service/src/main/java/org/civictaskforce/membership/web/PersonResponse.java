package org.civictaskforce.membership.web;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.membership.domain.GroupRole;
import org.civictaskforce.membership.domain.MembershipStatus;
import org.civictaskforce.membership.domain.Person;

/**
 * A person as shown in lists and after a command: no e-mail, no full name, no time zone. A person
 * with a protected identity shows only id, display name and the flag.
 *
 * <p>TODO(identity): until sign-in and object-level permissions exist, contact details are shown only
 * by {@link PersonDetailsResponse} (the single-person GET); the identity issue must restrict that to
 * coordinators and the person themself, and let coordinators see protected people in full.
 */
public record PersonResponse(String id, String displayName, String country, String preferredLanguage,
        MembershipStatus status, Instant registeredAt, InvitationView invitation, List<GroupRole> roles,
        List<String> languages, List<String> expertise, List<String> affiliations, boolean protectedIdentity) {

    static PersonResponse of(Person person) {
        if (person.profile().protectedIdentity()) {
            return new PersonResponse(person.id(), person.displayName(), null, null, null, null, null, null, null,
                    null, null, true);
        }
        return new PersonResponse(person.id(), person.displayName(), person.country(), person.preferredLanguage(),
                person.status(), person.registeredAt(), InvitationView.of(person), person.profile().sortedRoles(),
                person.profile().languages(), person.profile().expertise(), person.affiliations(), false);
    }
}
