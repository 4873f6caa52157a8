package org.civictaskforce.membership.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.civictaskforce.membership.domain.MembershipStatus;
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
    public Page<PersonDocument> search(String country, MembershipStatus status, Pageable pageable) {
        Query filter = new Query();
        if (country != null) {
            filter.addCriteria(where("country").is(country));
        }
        if (status != null) {
            filter.addCriteria(where("status").is(status));
        }
        Query page = Query.of(filter).with(pageable).with(ORDER);
        List<PersonDocument> content = mongo.find(page, PersonDocument.class);
        return PageableExecutionUtils.getPage(content, pageable,
                () -> mongo.count(Query.of(filter), PersonDocument.class));
    }
}
