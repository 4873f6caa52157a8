package org.civictaskforce.membership.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.membership.domain.MembershipStatus;
import org.civictaskforce.membership.domain.PersonFilter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;

/** Fragment implementation of {@link PersonQueries} (picked up by its {@code Impl} suffix). */
class PersonQueriesImpl implements PersonQueries {
    /** Stable order, so pages do not overlap or skip while people are added. */
    private static final Sort ORDER = Sort.by("registeredAt", "_id");

    private final MongoTemplate mongo;

    PersonQueriesImpl(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Page<PersonDocument> search(PersonFilter f, Pageable pageable) {
        Query filter = criteria(f);
        Query page = Query.of(filter).with(pageable).with(ORDER);
        List<PersonDocument> content = mongo.find(page, PersonDocument.class);
        return PageableExecutionUtils.getPage(content, pageable, () -> total(filter));
    }

    /**
     * How many people a filter's query ({@link #criteria}) selects. Without a filter that is the
     * collection's size, which the store keeps (MongoDB in its metadata, the embedded store as a
     * number), so it is not counted document by document.
     */
    long total(Query filter) {
        return filter.getQueryObject().isEmpty() ? mongo.estimatedCount(PersonDocument.class)
                : mongo.count(Query.of(filter), PersonDocument.class);
    }

    /** The query for a filter; public to the package for the benchmark's explain output. */
    static Query criteria(PersonFilter f) {
        Query filter = new Query();
        if (f.country() != null) {
            filter.addCriteria(where("country").is(f.country()));
        }
        if (f.status() != null) {
            filter.addCriteria(where("status").is(f.status()));
        }
        if (f.role() != null) {
            filter.addCriteria(where("roles").is(f.role()));
        }
        if (f.expertise() != null) {
            filter.addCriteria(where("expertise").is(f.expertise()));
        }
        if (f.language() != null) {
            filter.addCriteria(where("languages").is(f.language()));
        }
        if (f.selectsByHiddenAttribute()) {
            filter.addCriteria(where("protectedIdentity").ne(true));
        }
        NameWordsSearch.addTo(filter, f.text());
        return filter;
    }

    @Override
    public List<String> idsMatching(PersonFilter f, int limit) {
        Query ids = criteria(f).addCriteria(where("erased").ne(true)).with(ORDER).limit(limit);
        ids.fields().include("_id");
        return mongo.find(ids, PersonDocument.class).stream().map(PersonDocument::getId).toList();
    }

    @Override
    public List<String> lapsedInvitations(Instant now, int limit) {
        Query due = new Query(where("status").is(MembershipStatus.INVITED).and("invitation.expiresAt").lte(now))
                .limit(limit);
        due.fields().include("_id");
        return mongo.find(due, PersonDocument.class).stream().map(PersonDocument::getId).toList();
    }
}
