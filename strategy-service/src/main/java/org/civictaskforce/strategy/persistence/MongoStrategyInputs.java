package org.civictaskforce.strategy.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.civictaskforce.strategy.application.StrategyInputs;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** {@code decided_targets} (one document, the latest decision) and {@code accepted_findings} (one per finding). */
@Repository
public class MongoStrategyInputs implements StrategyInputs {
    static final String TARGETS = "decided_targets";
    static final String FINDINGS = "accepted_findings";
    private static final String CURRENT = "current";

    private final MongoTemplate mongo;

    public MongoStrategyInputs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void targetsDecided(String decisionId, List<String> institutionIds, Instant decidedAt) {
        // only a newer decision replaces the one kept; the upsert collides (ignored) when ours is newer
        Query olderOrNone = Query.query(where("_id").is(CURRENT)
                .orOperator(where("decidedAt").lt(decidedAt), where("decidedAt").exists(false)));
        try {
            mongo.upsert(olderOrNone, new Update().set("decisionId", decisionId).set("institutionIds", institutionIds)
                    .set("decidedAt", decidedAt), TARGETS);
        } catch (DuplicateKeyException e) {
            // a newer decision (or this one) is kept already
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> decidedTargets() {
        Document current = mongo.findById(CURRENT, Document.class, TARGETS);
        return current == null ? List.of() : List.copyOf((List<String>) current.get("institutionIds"));
    }

    @Override
    public boolean findingAccepted(String findingId, String assignmentId, int version, Instant acceptedAt) {
        return mongo.upsert(Query.query(where("_id").is(findingId)), new Update().set("assignmentId", assignmentId)
                .max("version", version).setOnInsert("acceptedAt", acceptedAt), FINDINGS).getUpsertedId() != null;
    }

    @Override
    public Set<String> acceptedFindings() {
        return new HashSet<>(mongo.findDistinct(new Query(), "_id", FINDINGS, String.class));
    }

    @Override
    public List<AcceptedFinding> acceptedFindingList() {
        return mongo.find(new Query().with(Sort.by("acceptedAt")), Document.class, FINDINGS).stream()
                .map(d -> new AcceptedFinding(d.getString("_id"), d.getString("assignmentId"),
                        ((Number) d.get("version")).intValue(), d.get("acceptedAt", java.util.Date.class) == null
                                ? null : d.get("acceptedAt", java.util.Date.class).toInstant()))
                .toList();
    }

}
