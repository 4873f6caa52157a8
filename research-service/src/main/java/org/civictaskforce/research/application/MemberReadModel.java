package org.civictaskforce.research.application;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.research.domain.PipelineTally;

/**
 * This service's copy of who is in the working-group pipeline, built from membership events. Every
 * write is idempotent per event id: applying an event a second time changes nothing.
 */
public interface MemberReadModel {

    /** @return false if this event had been applied before */
    boolean recordRegistration(String eventId, String personId, String country, String preferredLanguage,
            Instant registeredAt);

    /**
     * As {@link #recordRegistration(String, String, String, String, Instant)}, also recording whether
     * the identity is protected when the event says so ({@code null}: not said, left as it is).
     */
    default boolean recordRegistration(String eventId, String personId, String country, String preferredLanguage,
            Instant registeredAt, Boolean protectedIdentity) {
        return recordRegistration(eventId, personId, country, preferredLanguage, registeredAt);
    }

    /** @return false if this event had been applied before */
    /**
     * The person was erased: everything this service holds about them goes. Idempotent (deleting
     * what is gone changes nothing).
     *
     * @return whether anything was removed
     */
    boolean forget(String personId);

    boolean recordInvitation(String eventId, String personId, Instant invitedAt);

    /** Every person counted under their country (what coordinators see). */
    default List<PipelineTally> tallies() {
        return tallies(true);
    }

    /**
     * @param countriesOfProtected false: people with a protected identity are counted without a
     *                             country (as if it were unknown), so a count by country does not
     *                             move when one of them registers
     */
    List<PipelineTally> tallies(boolean countriesOfProtected);

    /** The person's pipeline status ({@code CANDIDATE}, {@code INVITED}), empty if nobody by that id is known. */
    java.util.Optional<String> status(String personId);

    /** Membership activated them with these roles. @return false if this event had been applied before */
    boolean recordActivation(String eventId, String personId, String country, List<String> roles, Instant at);

    /** They left or were removed: no longer active, no roles. @return false if applied before */
    boolean recordDeparture(String eventId, String personId, String membership, Instant at);

    /** Their working-group roles or identity protection changed. @return false if applied before */
    boolean recordProfile(String eventId, String personId, List<String> roles, boolean protectedIdentity);

    /** Whether membership says this person is an ACTIVE member holding the expert role. */
    boolean isActiveExpert(String personId);
}
