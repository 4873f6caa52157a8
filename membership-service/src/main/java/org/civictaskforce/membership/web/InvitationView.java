package org.civictaskforce.membership.web;

import java.time.Instant;

import org.civictaskforce.membership.domain.Person;

/** A person's current invitation inside a person response. */
public record InvitationView(String invitationId, Instant invitedAt, Instant expiresAt) {
    static InvitationView of(Person person) {
        var i = person.invitation();
        return i == null ? null : new InvitationView(i.invitationId(), i.invitedAt(), i.expiresAt());
    }
}
