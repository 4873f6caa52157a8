package org.civictaskforce.research.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.research.application.FindingStore;
import org.civictaskforce.research.domain.Finding;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
public class MongoFindingStore implements FindingStore {
    private final MongoTemplate mongo;
    private final DomainEvents domainEvents;

    public MongoFindingStore(MongoTemplate mongo, DomainEvents domainEvents) {
        this.mongo = mongo;
        this.domainEvents = domainEvents;
    }

    @Override
    public void insert(Finding.Change created) {
        FindingDocument d = FindingDocument.newFor(created.finding());
        d.append(domainEvents.wrapAll(d.getId(), created.events()));
        mongo.insert(d);
    }

    @Override
    public void update(Finding before, Finding.Change change) {
        FindingDocument d = mongo.findById(before.id(), FindingDocument.class);
        if (d == null || !d.toDomain().equals(before)) {
            throw new OptimisticLockingFailureException("finding " + before.id() + " changed");
        }
        d.apply(change.finding());
        d.append(domainEvents.wrapAll(d.getId(), change.events()));
        mongo.save(d);
    }

    @Override
    public Optional<Finding> find(String id) {
        return Optional.ofNullable(mongo.findById(id, FindingDocument.class)).map(FindingDocument::toDomain);
    }

    @Override
    public List<Finding> ofAssignment(String assignmentId) {
        return mongo.find(Query.query(where("assignmentId").is(assignmentId)).with(Sort.by("firstSubmittedAt", "_id")),
                FindingDocument.class).stream().map(FindingDocument::toDomain).toList();
    }

    @Override
    public java.util.stream.Stream<Finding> all() {
        return mongo.stream(new Query(), FindingDocument.class).map(FindingDocument::toDomain);
    }

    @Override
    public List<Finding> awaitingSearch(int limit) {
        return mongo.find(Query.query(where("searchPending").exists(true)).limit(limit), FindingDocument.class)
                .stream().map(FindingDocument::toDomain).toList();
    }

    @Override
    public void searchIndexed(Finding indexed) {
        mongo.updateFirst(Query.query(where("_id").is(indexed.id())
                .and("searchPending").is(FindingDocument.searchState(indexed))),
                new org.springframework.data.mongodb.core.query.Update().unset("searchPending"),
                FindingDocument.class);
    }

    @Override
    public List<String> assignmentsWithSubmittedFindings() {
        return mongo.findDistinct(Query.query(where("status").is(Finding.FindingStatus.SUBMITTED.name())),
                "assignmentId", FindingDocument.class, String.class);
    }

    @Override
    public List<String> assignmentsWithReturnedFindings() {
        return mongo.findDistinct(Query.query(where("status").is(Finding.FindingStatus.RETURNED.name())),
                "assignmentId", FindingDocument.class, String.class);
    }

    /** One {@code $match} + {@code $group} in the store: no finding is loaded or mapped. */
    @Override
    public List<Count> acceptedCounts() {
        var aggregation = org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation(
                org.springframework.data.mongodb.core.aggregation.Aggregation.match(
                        where("status").is(Finding.FindingStatus.ACCEPTED.name())),
                org.springframework.data.mongodb.core.aggregation.Aggregation.group("country", "institutionId", "strand")
                        .count().as("accepted"));
        return mongo.aggregate(aggregation, FindingDocument.COLLECTION, org.bson.Document.class).getMappedResults()
                .stream().map(row -> {
                    org.bson.Document key = row.get("_id", org.bson.Document.class);
                    return new Count(key.getString("country"), key.getString("institutionId"),
                            org.civictaskforce.research.domain.Strand.valueOf(key.getString("strand")),
                            ((Number) row.get("accepted")).longValue());
                }).toList();
    }
}
