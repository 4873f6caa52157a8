package org.civictaskforce.research.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.civictaskforce.research.application.AcceptedFindingQueries;
import org.civictaskforce.research.domain.Finding;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Accepted findings from {@code findings} (served by the {@code status, country, institutionId, strand} index). */
@Repository
public class MongoAcceptedFindingQueries implements AcceptedFindingQueries {
    private final MongoTemplate mongo;

    public MongoAcceptedFindingQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<Finding> accepted() {
        Query query = Query.query(where("status").is(Finding.FindingStatus.ACCEPTED)).with(Sort.by("_id"));
        query.fields().exclude("outbox", "outboxLease", "comments");
        return mongo.find(query, FindingDocument.class).stream().map(FindingDocument::toDomain).toList();
    }
}
