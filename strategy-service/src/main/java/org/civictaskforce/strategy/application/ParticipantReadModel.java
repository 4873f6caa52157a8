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

    /** @return false if this event had been applied before */
    /**
     * The person was erased: everything this service holds about them goes. Idempotent (deleting
     * what is gone changes nothing).
     *
     * @return whether anything was removed
     */
    boolean forget(String personId);

    boolean recordInvitation(String eventId, String personId, Instant invitedAt);

    List<CountryTally> tallies();

    /** @return false if this event had been applied before */
    boolean recordAffiliations(String eventId, String personId, List<String> organisationIds);

    /** What is known about one person: their country (null if not known yet) and organisations. */
    record Facts(String personId, String country, List<String> organisationIds) {
    }

    Facts facts(String personId);

    /** The people affiliated with any of these organisations. */
    List<String> peopleOf(List<String> organisationIds);
}
