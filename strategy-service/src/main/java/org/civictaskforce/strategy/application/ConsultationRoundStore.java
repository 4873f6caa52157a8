package org.civictaskforce.strategy.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.strategy.domain.consultation.ConsultationRound;

/** The consultation rounds, one document each with its outbox. */
public interface ConsultationRoundStore {
    void insert(ConsultationRound round, List<?> events);

    Optional<Versioned<ConsultationRound>> find(String id);

    /** @throws org.springframework.dao.OptimisticLockingFailureException if the stored round changed since */
    void update(Versioned<ConsultationRound> changed, List<?> events);

    /** Every round, the newest opened first. */
    List<ConsultationRound> newestFirst();

    List<ConsultationRound> onSubject(ConsultationRound.SubjectKind kind, String ref);

    /** Ids of the open rounds whose deadline is at or before {@code deadline}. */
    List<String> openDueBy(Instant deadline);

    /** Ids of the open rounds due by {@code deadline} that have not raised "closing soon" yet. */
    List<String> openNotRemindedDueBy(Instant deadline);

    /** Ids of the rounds that hold the person's id (invitee, opener, author of a comment, reply or resolution). */
    List<String> naming(String personId);
}
