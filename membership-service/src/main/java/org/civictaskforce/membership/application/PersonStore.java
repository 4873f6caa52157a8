package org.civictaskforce.membership.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.civictaskforce.membership.domain.Person;
import org.civictaskforce.membership.domain.PersonFilter;
import org.civictaskforce.platform.outbox.Versioned;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The people this service keeps. Every write stores the person's new state and the events it raised in one
 * document write (the outbox); a new or changed contact, and the tombstone at erasure, are queued in the same write
 * as a keyed record for the compacted contacts topic, which the outbox relay publishes on {@link #CONTACTS_BINDING}.
 */
public interface PersonStore {
    /** The output binding whose destination is the compacted contacts topic (application.yml). */
    String CONTACTS_BINDING = "contacts-out-0";

    /** @throws org.springframework.dao.DuplicateKeyException if the e-mail address is another person's */
    void insert(Person person, List<?> events);

    Optional<Versioned<Person>> find(String id);

    /**
     * Saves the person as changed after {@link #find} with the events it raised.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if the stored person changed since
     * @throws org.springframework.dao.DuplicateKeyException if the new e-mail address is another person's
     */
    void update(Versioned<Person> changed, List<?> events);

    /**
     * Replaces the person by the anonymous tombstone in one write: the personal fields blanked, the e-mail freed,
     * the erasure time kept and a tombstone queued for the contacts topic.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if the stored person changed since
     */
    void erase(Versioned<Person> loaded, Person tombstone, Instant when, List<?> events);

    /** When the person was erased; empty if they were not (or do not exist). */
    Optional<Instant> erasedAt(String id);

    Page<Person> search(PersonFilter filter, Pageable pageable);

    /**
     * Ids of the people a filter selects (in list order, erased people left out), at most {@code limit}: for
     * inviting by filter. Same rules as the list, so a filter on a hidden attribute leaves out protected identities.
     */
    List<String> idsMatching(PersonFilter filter, int limit);

    /** Ids of people whose invitation is unanswered and lapsed at {@code now}, at most {@code limit}. */
    List<String> lapsedInvitations(Instant now, int limit);
}
