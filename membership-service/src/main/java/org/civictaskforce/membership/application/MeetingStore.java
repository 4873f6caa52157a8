package org.civictaskforce.membership.application;

import java.util.List;
import java.util.Optional;

import org.civictaskforce.membership.domain.Meeting;
import org.civictaskforce.membership.domain.MeetingFilter;
import org.civictaskforce.platform.outbox.Versioned;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The meetings this service keeps; state and the events raised saved in one document write. */
public interface MeetingStore {
    void insert(Meeting meeting, List<?> events);

    Optional<Versioned<Meeting>> find(String id);

    /** @throws org.springframework.dao.OptimisticLockingFailureException if the stored one changed since */
    void update(Versioned<Meeting> changed, List<?> events);

    /** Ids of the meetings that name the person as invitee or attendee. */
    List<String> naming(String personId);

    Page<Meeting> search(MeetingFilter filter, Pageable pageable);
}
