package org.civictaskforce.research.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.bson.Document;
import org.civictaskforce.research.application.SearchIndex;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

/**
 * {@code search_entries}: {@code _id} = kind:id, {@code kind}, {@code refId}, {@code institutionId},
 * {@code title}, {@code snippet}, {@code words} (indexed), {@code open}. Prefixes are letters and digits
 * only (see {@link org.civictaskforce.platform.text.SearchWords}), so {@code ^prefix} is used as is.
 */
@Repository
public class MongoSearchIndex implements SearchIndex {
    public static final String COLLECTION = "search_entries";

    private final MongoTemplate mongo;

    public MongoSearchIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void indexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("words", Sort.Direction.ASC).named("words"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("kind", Sort.Direction.ASC).on("words", Sort.Direction.ASC)
                .named("kind_words"));
    }

    @Override
    public void put(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (Entry e : entries) {
            bulk.upsert(Query.query(where("_id").is(e.kind().name() + ":" + e.id())), new Update()
                    .set("kind", e.kind().name())
                    .set("refId", e.id())
                    .set("institutionId", e.institutionId())
                    .set("title", e.title())
                    .set("snippet", e.snippet())
                    .set("words", e.words())
                    .set("open", e.open()));
        }
        bulk.execute();
    }

    @Override
    public Page<Entry> search(List<String> prefixes, Kind kind, boolean all, Pageable page) {
        Criteria criteria = new Criteria();
        List<Criteria> and = new java.util.ArrayList<>();
        if (kind != null) {
            and.add(where("kind").is(kind.name()));
        }
        for (String p : prefixes) {
            if (!p.chars().allMatch(Character::isLetterOrDigit)) {
                throw new IllegalArgumentException("a search prefix is letters and digits only");
            }
            and.add(where("words").regex("^" + p));
        }
        if (!all) {
            and.add(where("open").is(true));
        }
        criteria.andOperator(and);
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        List<Entry> hits = mongo.find(Query.query(criteria).with(Sort.by("kind", "_id")).with(page), Document.class,
                COLLECTION).stream().map(MongoSearchIndex::entry).toList();
        return new PageImpl<>(hits, page, total);
    }

    private static Entry entry(Document d) {
        return new Entry(Kind.valueOf(d.getString("kind")), d.getString("refId"), d.getString("institutionId"),
                d.getString("title"), d.getString("snippet"), d.getList("words", String.class),
                Boolean.TRUE.equals(d.getBoolean("open")));
    }

    @Override
    public boolean isEmpty() {
        return !mongo.exists(new Query(), COLLECTION);
    }
}
