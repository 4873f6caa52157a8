package org.civictaskforce.research.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.research.application.CatalogueStore;
import org.civictaskforce.research.domain.Catalogue;
import org.civictaskforce.research.domain.Country;
import org.civictaskforce.research.domain.CountryRelation;
import org.civictaskforce.research.domain.Institution;
import org.civictaskforce.research.domain.Standard;
import org.civictaskforce.research.domain.StandardCorrection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The catalogue collections. A catalogue version is loaded by whoever first inserts its
 * {@code catalogue_versions} document ({@code _id} = version): the store refuses a second insert of the
 * same id, so a restart or a second replica starting at the same time loads nothing. The claimant
 * marks the version {@code LOADED} when done; a claim still {@code LOADING} after
 * {@link #LOAD_CLAIM_EXPIRY} was left by a process that stopped, and the next start takes it over and
 * inserts what is missing.
 */
@Repository
public class MongoCatalogueStore implements CatalogueStore {
    public static final String VERSIONS = "catalogue_versions";
    public static final String COUNTRIES = "countries";
    public static final String RELATIONS = "country_relations";
    public static final String HISTORY = "standard_history";
    /** Loading takes about a second; a claim older than this belongs to a process that stopped. */
    static final java.time.Duration LOAD_CLAIM_EXPIRY = java.time.Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final DomainEvents domainEvents;

    public MongoCatalogueStore(MongoTemplate mongo, DomainEvents domainEvents) {
        this.mongo = mongo;
        this.domainEvents = domainEvents;
    }

    @Override
    public StandardCorrection correctStandard(String institutionId,
            Function<Institution, StandardCorrection> decide) {
        InstitutionDocument document = mongo.findById(institutionId, InstitutionDocument.class);
        if (document == null) {
            throw new NotFoundException("institution", institutionId);
        }
        StandardCorrection correction = decide.apply(document.toDomain());
        Standard previous = correction.previous();
        // keyed by the replaced version: a retried or racing correction writes the same document again
        mongo.save(new HistoryDocument(institutionId + "/" + previous.id() + "/v" + previous.version(),
                institutionId, previous.id(), previous.version(), previous), HISTORY);
        document.apply(correction.institution());
        document.append(domainEvents.wrapAll(institutionId, correction.events()));
        mongo.save(document);
        return correction;
    }

    @Override
    public List<String> announceCatalogue(Instant now) {
        Query due = new Query();
        due.fields().include("_id").include("name").include("cataloguedName");
        List<String> announced = new ArrayList<>();
        for (Document candidate : mongo.find(due, Document.class, InstitutionDocument.COLLECTION)) {
            if (java.util.Objects.equals(candidate.getString("name"), candidate.getString("cataloguedName"))) {
                continue;
            }
            String id = candidate.getString("_id");
            if (org.civictaskforce.platform.outbox.OptimisticRetry.run(() -> announce(id, now))) {
                announced.add(id);
            }
        }
        return announced;
    }

    private boolean announce(String id, Instant now) {
        InstitutionDocument document = mongo.findById(id, InstitutionDocument.class);
        if (document == null || !document.announcementDue()) {
            return false;
        }
        document.announced();
        document.append(List.of(domainEvents.wrap(id,
                new org.civictaskforce.contracts.research.InstitutionCatalogued(id, document.name(), now))));
        mongo.save(document);
        return true;
    }

    @Override
    public List<Standard> standardHistory(String institutionId, String standardId) {
        return mongo.find(Query.query(where("institutionId").is(institutionId).and("standardId").is(standardId))
                .with(Sort.by(Sort.Direction.DESC, "version")), HistoryDocument.class, HISTORY).stream()
                .map(HistoryDocument::standard).toList();
    }

    record HistoryDocument(@org.springframework.data.annotation.Id String id, String institutionId,
            String standardId, int version, Standard standard) {
    }

    @Override
    public boolean loadOnce(Catalogue catalogue) {
        if (!claim(catalogue.version())) {
            return false;
        }
        // insert-if-absent: a load taken over from a stopped one keeps what that one wrote
        int position = 0;
        for (Institution institution : catalogue.institutions()) {
            insertIfAbsent(InstitutionDocument.newFor(institution, position++, catalogue.version()),
                    InstitutionDocument.COLLECTION);
        }
        position = 0;
        for (Country country : catalogue.countries()) {
            insertIfAbsent(CountryDocument.of(country, position++), COUNTRIES);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (CountryRelation relation : catalogue.relations()) {
            String key = relation.country() + "/" + relation.institutionId();
            int n = seen.merge(key, 1, Integer::sum);
            insertIfAbsent(RelationDocument.of(key + "/" + n, relation), RELATIONS);
        }
        mongo.updateFirst(Query.query(where("_id").is(catalogue.version())),
                new Update().set("state", "LOADED").set("loadedAt", java.util.Date.from(Instant.now())), VERSIONS);
        return true;
    }

    @Override
    public boolean isLoaded(int version) {
        return mongo.exists(Query.query(where("_id").is(version).and("state").is("LOADED")), VERSIONS);
    }

    /**
     * Claims loading the version: by inserting its document, or by taking over a claim left
     * {@code LOADING} for longer than {@link #LOAD_CLAIM_EXPIRY} (a process that stopped while loading).
     */
    private boolean claim(int version) {
        java.util.Date now = java.util.Date.from(Instant.now());
        try {
            mongo.insert(new Document("_id", version).append("state", "LOADING").append("claimedAt", now), VERSIONS);
            return true;
        } catch (DuplicateKeyException e) {
            java.util.Date expired = java.util.Date.from(Instant.now().minus(LOAD_CLAIM_EXPIRY));
            return mongo.updateFirst(Query.query(where("_id").is(version).and("state").is("LOADING")
                    .and("claimedAt").lt(expired)), new Update().set("claimedAt", now), VERSIONS)
                    .getModifiedCount() == 1;
        }
    }

    private void insertIfAbsent(Object document, String collection) {
        try {
            mongo.insert(document, collection);
        } catch (DuplicateKeyException e) {
            // written by the load this one took over
        }
    }

    @Override
    public Page<Institution> institutions(String kind, Pageable page) {
        Query query = kind == null ? new Query() : Query.query(where("kind").is(kind));
        long total = mongo.count(query, InstitutionDocument.class);
        query.with(Sort.by("position", "_id"));
        if (page.isPaged()) {
            query.skip(page.getOffset()).limit(page.getPageSize());
        }
        List<Institution> content = mongo.find(query, InstitutionDocument.class).stream()
                .map(InstitutionDocument::toDomain).toList();
        return new PageImpl<>(content, page, total);
    }

    @Override
    public Optional<Institution> institution(String id) {
        return Optional.ofNullable(mongo.findById(id, InstitutionDocument.class)).map(InstitutionDocument::toDomain);
    }

    @Override
    public List<Country> countries() {
        return mongo.find(new Query().with(Sort.by("position")), CountryDocument.class, COUNTRIES).stream()
                .map(CountryDocument::toDomain).toList();
    }

    @Override
    public Optional<Country> country(String code) {
        return Optional.ofNullable(mongo.findById(code, CountryDocument.class, COUNTRIES))
                .map(CountryDocument::toDomain);
    }

    @Override
    public List<CountryRelation> relations(String countryCode) {
        return new ArrayList<>(mongo.find(Query.query(where("country").is(countryCode)).with(Sort.by("_id")),
                RelationDocument.class, RELATIONS).stream().map(RelationDocument::toDomain).toList());
    }

    record CountryDocument(@org.springframework.data.annotation.Id String code, String name, int position,
            List<Country.Language> languages, Country.FreedomRating freedomInTheWorld) {
        static CountryDocument of(Country c, int position) {
            return new CountryDocument(c.code(), c.name(), position, c.languages(), c.freedomInTheWorld());
        }

        Country toDomain() {
            return new Country(code, name, languages, freedomInTheWorld);
        }
    }

    record RelationDocument(@org.springframework.data.annotation.Id String id, String country, String institutionId,
            String status, Integer since, org.civictaskforce.research.domain.Source source) {
        static RelationDocument of(String id, CountryRelation r) {
            return new RelationDocument(id, r.country(), r.institutionId(), r.status(), r.since(), r.source());
        }

        CountryRelation toDomain() {
            return new CountryRelation(country, institutionId, status, since, source);
        }
    }
}
