package org.civictaskforce.membership.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.membership.domain.Meeting;
import org.civictaskforce.membership.domain.MembershipStatus;
import org.civictaskforce.membership.domain.Person;
import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.platform.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.civictaskforce.platform.security.Caller;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Erasure of a person (asked by the person, or a coordinator on their behalf; {@code ErasureController}
 * lets only those two ask). Idempotent: a repeat finds the tombstone, raises no second event and only
 * re-runs the meeting clean-up (which finds nothing left to do, or finishes what a crash interrupted).
 *
 * <ol>
 * <li>The person document becomes the anonymous tombstone and {@code PersonErased} goes into its
 * outbox in the same write; the contact relay then writes the tombstone on the contacts topic.</li>
 * <li>Every meeting naming the person replaces their id by a fresh anonymous id, so counts of
 * invitations, answers and attendance stay right.</li>
 * </ol>
 */
@Service
public class ErasureService {
    private static final Logger log = LoggerFactory.getLogger(ErasureService.class);

    private final PersonStore people;
    private final MeetingStore meetings;
    private final Clock clock;

    public ErasureService(PersonStore people, MeetingStore meetings, Clock clock) {
        this.people = people;
        this.meetings = meetings;
        this.clock = clock;
    }

    public record Erased(String personId, Instant erasedAt, boolean now) {
    }

    /** The person themself, or a coordinator on their behalf. */
    public Erased erase(String personId, Caller caller) {
        caller.requireSelfOrCoordinator(personId);
        Erased erased = OptimisticRetry.run(() -> {
            Versioned<Person> loaded = people.find(personId)
                    .orElseThrow(() -> new NotFoundException("Person", personId));
            if (loaded.value().status() == MembershipStatus.ERASED) {
                Instant erasedAt = people.erasedAt(personId)
                        .orElseThrow(() -> new OptimisticLockingFailureException("person " + personId + " changed"));
                return new Erased(personId, erasedAt, false);
            }
            // stored with millisecond precision: a repeat must answer exactly the same
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Person.Erasure erasure = loaded.value().erase(now);
            people.erase(loaded, erasure.tombstone(), now, List.of(erasure.event()));
            return new Erased(personId, now, true);
        });
        int meetingsChanged = 0;
        for (String meetingId : meetings.naming(personId)) {
            boolean changed = OptimisticRetry.run(() -> {
                Versioned<Meeting> loaded = meetings.find(meetingId).orElse(null);
                if (loaded == null) {
                    return false;
                }
                if (!loaded.value().forget(personId, Meeting.ERASED_PREFIX + UUID.randomUUID())) {
                    return false;
                }
                meetings.update(loaded, List.of());
                return true;
            });
            meetingsChanged += changed ? 1 : 0;
        }
        log.info("person {} erased (repeat: {}), {} meetings anonymised", personId, !erased.now(), meetingsChanged);
        return erased;
    }
}
