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
 * <p>{@link #of} is the public view other members get; {@link #full} (protected people in full, still
 * without contact details) is for coordinators and for the person themself. Contact details are only
 * in {@link PersonDetailsResponse}.
 */
public record PersonResponse(String id, String displayName, String country, String preferredLanguage,
        MembershipStatus status, Instant registeredAt, InvitationView invitation, List<GroupRole> roles,
        List<String> languages, List<String> expertise, List<String> affiliations, boolean protectedIdentity) {

    /** The public view: a protected person is display name only. */
    static PersonResponse of(Person person) {
        if (person.profile().protectedIdentity()) {
            return new PersonResponse(person.id(), person.displayName(), null, null, null, null, null, null, null,
                    null, null, true);
        }
        return full(person);
    }

    /** Every attribute but the contact details, also of a protected person: for coordinators and the person. */
    static PersonResponse full(Person person) {
        return new PersonResponse(person.id(), person.displayName(), person.country(), person.preferredLanguage(),
                person.status(), person.registeredAt(), InvitationView.of(person), person.profile().sortedRoles(),
                person.profile().languages(), person.profile().expertise(), person.affiliations(),
                person.profile().protectedIdentity());
    }
}
