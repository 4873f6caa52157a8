package org.civictaskforce.membership.application;

import org.civictaskforce.platform.security.Caller;

/**
 * The rules on who may ask, shared by membership's use cases (the web adapter hands each use case the {@link Caller};
 * nothing else reads it). Role checks answer 403; reasons name no one.
 */
final class MemberAccess {
    private MemberAccess() {
    }

    /** Any working-group role; people without one (invited, not yet active) may see only themselves. */
    static void requireMember(Caller caller) {
        caller.require(!caller.roles().isEmpty(), "Only members of the working group may see this.");
    }

    /** Only the person themself (consent, answering one's own invitation, leaving). */
    static void requireSelf(Caller caller, String personId) {
        caller.require(caller.is(personId), "Only the person themself may do this.");
    }
}
