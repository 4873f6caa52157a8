package org.civictaskforce.strategy.application;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.strategy.domain.CountryTally;

/**
 * strategy-service's copy of who takes part, built from membership events. Every write is
 * idempotent per event id: applying an event a second time changes nothing.
 */
public interface ParticipantReadModel {

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
    default List<CountryTally> tallies() {
        return tallies(true);
    }

    /**
     * @param countriesOfProtected false: people with a protected identity are counted without a
     *                             country (as if it were unknown), so a count by country does not
     *                             move when one of them registers
     */
    List<CountryTally> tallies(boolean countriesOfProtected);

    /** Whether their identity is protected changed (from their profile). @return false if applied before */
    boolean recordProtection(String eventId, String personId, boolean protectedIdentity);

    /** @return false if this event had been applied before */
    boolean recordAffiliations(String eventId, String personId, List<String> organisationIds);

    /**
     * What is known about one person: their country (null if not known yet, or if their identity is
     * protected) and organisations.
     */
    record Facts(String personId, String country, List<String> organisationIds) {
    }

    Facts facts(String personId);

    /** The people affiliated with any of these organisations. */
    List<String> peopleOf(List<String> organisationIds);
}
