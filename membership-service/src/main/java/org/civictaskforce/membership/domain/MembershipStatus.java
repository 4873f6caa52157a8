package org.civictaskforce.membership.domain;

/**
 * Where a person stands in the Working Group's membership lifecycle. This issue covers the first
 * step; the full lifecycle (accepted/declined, active, left/removed) follows in a later issue.
 */
public enum MembershipStatus {
    /** Registered, not yet invited. */
    CANDIDATE,
    /** Invited to join; the invitation lapses after {@link Invitation#VALIDITY}. */
    INVITED
}
