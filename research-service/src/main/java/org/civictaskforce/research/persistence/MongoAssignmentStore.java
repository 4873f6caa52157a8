package org.civictaskforce.research.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.research.application.AssignmentStore;
import org.civictaskforce.research.domain.Assignment;
import org.civictaskforce.research.domain.AssignmentStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
public class MongoAssignmentStore implements AssignmentStore {
    private final MongoTemplate mongo;
    private final DomainEvents domainEvents;

    public MongoAssignmentStore(MongoTemplate mongo, DomainEvents domainEvents) {
        this.mongo = mongo;
        this.domainEvents = domainEvents;
    }

    @Override
    public void insert(Assignment.Change created) {
        AssignmentDocument d = AssignmentDocument.newFor(created.assignment());
        d.append(domainEvents.wrapAll(d.getId(), created.events()));
        mongo.insert(d);
    }

    @Override
    public void update(Assignment.Change change) {
        AssignmentDocument d = mongo.findById(change.assignment().id(), AssignmentDocument.class);
        if (d == null || d.status() != expectedBefore(change)) {
            throw new OptimisticLockingFailureException("assignment " + change.assignment().id() + " changed");
        }
        d.apply(change.assignment());
        d.append(domainEvents.wrapAll(d.getId(), change.events()));
        mongo.save(d);
    }

    private static AssignmentStatus expectedBefore(Assignment.Change change) {
        return change.events().stream()
                .filter(e -> e instanceof org.civictaskforce.contracts.research.AssignmentStatusChanged)
                .map(e -> AssignmentStatus.valueOf(
                        ((org.civictaskforce.contracts.research.AssignmentStatusChanged) e).from()))
                .findFirst().orElse(change.assignment().status());
    }

    @Override
    public Optional<Assignment> find(String id) {
        return Optional.ofNullable(mongo.findById(id, AssignmentDocument.class)).map(AssignmentDocument::toDomain);
    }

    @Override
    public Page<Assignment> search(String country, String expertId, AssignmentStatus status, Pageable page) {
        Criteria c = new Criteria();
        if (country != null) {
            c = c.and("country").is(country);
        }
        if (expertId != null) {
            c = c.and("expertId").is(expertId);
        }
        if (status != null) {
            c = c.and("status").is(status);
        }
        Query query = Query.query(c);
        long total = mongo.count(query, AssignmentDocument.class);
        query.with(Sort.by("createdAt", "_id")).skip(page.getOffset()).limit(page.getPageSize());
        List<Assignment> content = mongo.find(query, AssignmentDocument.class).stream()
                .map(AssignmentDocument::toDomain).toList();
        return new PageImpl<>(content, page, total);
    }

    @Override
    public long anonymiseExpert(String personId) {
        // bump the version so a save based on a copy read before the erasure fails and is retried
        return mongo.updateMulti(Query.query(where("expertId").is(personId)),
                new Update().set("expertId", "erased-" + UUID.randomUUID()).inc("version", 1L),
                AssignmentDocument.class).getModifiedCount();
    }

    @Override
    public Set<String> expertsIn(String country) {
        return new HashSet<>(mongo.findDistinct(Query.query(where("country").is(country)), "expertId",
                AssignmentDocument.class, String.class));
    }
}
