package org.civictaskforce.membership.domain;

/**
 * Where a person stands in the Working Group's membership lifecycle:
 *
 * <pre>
 * CANDIDATE ──invite──► INVITED ──accept──► ACCEPTED ──activate (consent recorded)──► ACTIVE ──leave──► LEFT
 *     ▲                   │  │                  │                                       │
 *     └────expire─────────┘  └─decline─► DECLINED ──invite──► INVITED                  └─remove─► REMOVED
 * </pre>
 *
 * An accepted member may also leave or be removed before activation. From any status the person may
 * be erased ({@link #ERASED}, final). Any other move is a conflict.
 */
public enum MembershipStatus {
    /** Registered, not (or no longer) invited. */
    CANDIDATE,
    /** Invited to join; the invitation lapses after {@link Invitation#VALIDITY}. */
    INVITED,
    /** Accepted the invitation; waits for a coordinator's approval (and needs recorded consent). */
    ACCEPTED,
    /** Declined the invitation; may be invited again. */
    DECLINED,
    /** An active member of the Working Group. */
    ACTIVE,
    /** Left of their own accord. */
    LEFT,
    /** Removed by a coordinator. */
    REMOVED,
    /** Erased at their request: only an anonymous tombstone is left; nothing can change any more. */
    ERASED
}
