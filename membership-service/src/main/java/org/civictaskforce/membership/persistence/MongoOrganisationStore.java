package org.civictaskforce.membership.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.civictaskforce.membership.domain.OrganisationFilter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;

/** Loads, saves and lists organisations. */
@Repository
public class OrganisationRepository {
    private static final Sort ORDER = Sort.by("registeredAt", "_id");

    private final MongoTemplate mongo;

    public OrganisationRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public java.util.Optional<OrganisationDocument> findById(String id) {
        return java.util.Optional.ofNullable(mongo.findById(id, OrganisationDocument.class));
    }

    public OrganisationDocument insert(OrganisationDocument document) {
        return mongo.insert(document);
    }

    public OrganisationDocument save(OrganisationDocument document) {
        return mongo.save(document);
    }

    /** How many of the given ids name an organisation. */
    public long countExisting(List<String> ids) {
        return ids.isEmpty() ? 0 : mongo.count(new Query(where("_id").in(ids)), OrganisationDocument.class);
    }

    public List<OrganisationDocument> findAll() {
        return mongo.findAll(OrganisationDocument.class);
    }

    public Page<OrganisationDocument> search(OrganisationFilter f, Pageable pageable) {
        Query filter = new Query();
        if (f.country() != null) {
            filter.addCriteria(where("country").is(f.country()));
        }
        if (f.status() != null) {
            filter.addCriteria(where("status").is(f.status()));
        }
        if (f.kind() != null) {
            filter.addCriteria(where("kind").is(f.kind()));
        }
        if (f.focusArea() != null) {
            filter.addCriteria(where("focusAreas").is(f.focusArea()));
        }
        NameWordsSearch.addTo(filter, f.text());
        List<OrganisationDocument> content = mongo.find(Query.of(filter).with(pageable).with(ORDER),
                OrganisationDocument.class);
        return PageableExecutionUtils.getPage(content, pageable,
                () -> mongo.count(Query.of(filter), OrganisationDocument.class));
    }
}
