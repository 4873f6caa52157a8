package org.civictaskforce.strategy.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ConsultationRoundRepository extends MongoRepository<ConsultationRoundDocument, String> {
    List<ConsultationRoundDocument> findBySubjectKindAndSubjectRef(String subjectKind, String subjectRef);

    List<ConsultationRoundDocument> findByStatusAndDeadlineLessThanEqual(String status, Instant now);

    List<ConsultationRoundDocument> findByStatusAndClosingSoonRaisedAtIsNullAndDeadlineLessThanEqual(String status,
            Instant horizon);

    List<ConsultationRoundDocument> findAllByOrderByOpenedAtDesc();
}
