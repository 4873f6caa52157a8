package org.civictaskforce.membership.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import org.civictaskforce.membership.application.OrganisationStore;
import org.civictaskforce.membership.domain.Organisation;
import org.civictaskforce.membership.domain.OrganisationFilter;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.platform.outbox.Versioned;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;

/** The organisations, in {@code organisations}; each write saves the state and the events raised in one write. */
@Repository
public class MongoOrganisationStore implements OrganisationStore {
    private static final Sort ORDER = Sort.by("registeredAt", "_id");

    private final MongoTemplate mongo;
    private final DomainEvents domainEvents;

    public MongoOrganisationStore(MongoTemplate mongo, DomainEvents domainEvents) {
        this.mongo = mongo;
        this.domainEvents = domainEvents;
    }

    @Override
    public void insert(Organisation organisation, List<?> events) {
        OrganisationDocument document = OrganisationDocument.newFor(organisation);
        document.append(domainEvents.wrapAll(document.getId(), events));
        mongo.insert(document);
    }

    @Override
    public Optional<Versioned<Organisation>> find(String id) {
        return Optional.ofNullable(mongo.findById(id, OrganisationDocument.class))
                .map(d -> new Versioned<>(d.toDomain(), d.getVersion()));
    }

    @Override
    public void update(Versioned<Organisation> changed, List<?> events) {
        Organisation organisation = changed.value();
        OrganisationDocument document = OutboxDocument.atVersion(mongo, OrganisationDocument.class,
                organisation.id(), changed.version());
        document.apply(organisation);
        document.append(domainEvents.wrapAll(organisation.id(), events));
        mongo.save(document);
    }

    @Override
    public long countExisting(List<String> ids) {
        return ids.isEmpty() ? 0 : mongo.count(new Query(where("_id").in(ids)), OrganisationDocument.class);
    }

    @Override
    public Page<Organisation> search(OrganisationFilter f, Pageable pageable) {
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
        return PageableExecutionUtils.getPage(content.stream().map(OrganisationDocument::toDomain).toList(), pageable,
                () -> mongo.count(Query.of(filter), OrganisationDocument.class));
    }
}
