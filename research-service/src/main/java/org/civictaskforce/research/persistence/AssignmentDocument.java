package org.civictaskforce.research.persistence;

import java.time.Instant;
import java.time.LocalDate;

import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.research.domain.Assignment;
import org.civictaskforce.research.domain.AssignmentStatus;
import org.civictaskforce.research.domain.Strand;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A research assignment as stored in {@code assignments}, with its outbox. */
@Document(collection = AssignmentDocument.COLLECTION)
@CompoundIndex(name = "assignment_list", def = "{'createdAt': 1, '_id': 1}")
@CompoundIndex(name = "assignment_country", def = "{'country': 1, 'createdAt': 1}")
@CompoundIndex(name = "assignment_expert", def = "{'expertId': 1, 'createdAt': 1}")
public class AssignmentDocument extends OutboxDocument {
    public static final String COLLECTION = "assignments";

    @Id
    private String id;
    private String expertId;
    private String country;
    private String institutionId;
    private Strand strand;
    private LocalDate dueDate;
    private AssignmentStatus status;
    private Instant createdAt;
    private Instant updatedAt;

    static AssignmentDocument newFor(Assignment a) {
        AssignmentDocument d = new AssignmentDocument();
        d.id = a.id();
        d.apply(a);
        return d;
    }

    void apply(Assignment a) {
        expertId = a.expertId();
        country = a.country();
        institutionId = a.institutionId();
        strand = a.strand();
        dueDate = a.dueDate();
        status = a.status();
        createdAt = a.createdAt();
        updatedAt = a.updatedAt();
    }

    public String getId() {
        return id;
    }

    AssignmentStatus status() {
        return status;
    }

    Assignment toDomain() {
        return new Assignment(id, expertId, country, institutionId, strand, dueDate, status, createdAt, updatedAt);
    }
}
