package org.civictaskforce.membership.web;

import java.time.Instant;

import org.civictaskforce.membership.domain.MembershipStatus;
import org.civictaskforce.membership.domain.Person;

/**
 * A person as shown in lists and after registration: no e-mail, no full name, no time zone.
 *
 * <p>TODO(identity): until sign-in and object-level permissions exist, contact details are shown only
 * by {@link PersonDetailsResponse} (the single-person GET); the identity issue must restrict that to
 * coordinators and the person themself.
 */
public record PersonResponse(String id, String displayName, String country, String preferredLanguage,
        MembershipStatus status, Instant registeredAt, InvitationView invitation) {

    static PersonResponse of(Person person) {
        return new PersonResponse(person.id(), person.displayName(), person.country(), person.preferredLanguage(),
                person.status(), person.registeredAt(), InvitationView.of(person));
    }
}
