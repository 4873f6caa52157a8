package org.civictaskforce.membership.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.membership.domain.Meeting;
import org.civictaskforce.membership.domain.Person;
import org.civictaskforce.membership.persistence.MeetingDocument;
import org.civictaskforce.membership.persistence.MeetingRepository;
import org.civictaskforce.membership.persistence.PersonDocument;
import org.civictaskforce.membership.persistence.PersonRepository;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final PersonRepository people;
    private final MeetingRepository meetings;
    private final DomainEvents domainEvents;
    private final Clock clock;

    public ErasureService(PersonRepository people, MeetingRepository meetings, DomainEvents domainEvents, Clock clock) {
        this.people = people;
        this.meetings = meetings;
        this.domainEvents = domainEvents;
        this.clock = clock;
    }

    public record Erased(String personId, Instant erasedAt, boolean now) {
    }

    public Erased erase(String personId) {
        Erased erased = OptimisticRetry.run(() -> {
            PersonDocument document = people.findById(personId)
                    .orElseThrow(() -> new NotFoundException("Person", personId));
            if (document.isErased()) {
                return new Erased(personId, document.getErasedAt(), false);
            }
            // stored with millisecond precision: a repeat must answer exactly the same
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Person.Erasure erasure = document.toDomain().erase(now);
            document.erase(erasure.tombstone(), now);
            document.append(domainEvents.wrapAll(personId, List.of(erasure.event())));
            people.save(document);
            return new Erased(personId, now, true);
        });
        int meetingsChanged = 0;
        for (MeetingDocument candidate : meetings.naming(personId)) {
            String meetingId = candidate.getId();
            boolean changed = OptimisticRetry.run(() -> {
                MeetingDocument document = meetings.findById(meetingId).orElse(null);
                if (document == null) {
                    return false;
                }
                Meeting meeting = document.toDomain();
                if (!meeting.forget(personId, Meeting.ERASED_PREFIX + UUID.randomUUID())) {
                    return false;
                }
                document.apply(meeting);
                meetings.save(document);
                return true;
            });
            meetingsChanged += changed ? 1 : 0;
        }
        log.info("person {} erased (repeat: {}), {} meetings anonymised", personId, !erased.now(), meetingsChanged);
        return erased;
    }
}
