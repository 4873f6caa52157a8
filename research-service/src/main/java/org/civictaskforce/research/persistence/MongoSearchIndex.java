package org.civictaskforce.research.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.civictaskforce.research.application.SearchIndex;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * An inverted index in two collections, so that a search reads a few documents by key instead of
 * examining every entry (the wire-compatible store has no {@code $text} and plans no query with a
 * secondary index, but it does serve {@code _id} lookups and {@code ^prefix} ranges from its
 * {@code _id} index, as real MongoDB does):
 *
 * <ul>
 * <li>{@code search_entries}: one document per finding, standard and mechanism: {@code _id} =
 * {@code KIND:id}, {@code kind}, {@code refId}, {@code institutionId}, {@code title}, {@code snippet},
 * {@code words}, {@code open}, and {@code pending} while its postings are being changed.</li>
 * <li>{@code search_postings}: {@code _id} = {@code word|bucket} (the entry's key hashed into
 * {@value #BUCKETS} buckets, so that a word found in every finding still stays far below the 16 MiB
 * document limit), with the ids of the entries that contain the word: {@code f} accepted findings,
 * {@code c} findings not accepted yet, {@code s} standards ({@code institutionId/standardId}),
 * {@code m} mechanisms (institution id).</li>
 * </ul>
 *
 * <p>A query word of at least {@value #MIN_PREFIX} letters is a prefix: {@code _id ^prefix} reads the
 * postings of every word it starts, as an index range. A shorter one matches whole words only
 * ({@code ^word\|}), so "un" does not expand to half the vocabulary. The hits are the intersection over
 * the query words, ordered by kind then id; only the page's entries are read.
 *
 * <p>Changing an entry first stores it with {@code pending} = every word whose postings may change,
 * then removes and adds its id in those postings, then clears {@code pending}. A process that dies in
 * between leaves {@code pending} behind; the next change of that entry, or {@link #repairPending()},
 * redoes all of those postings, so no stale or missing posting survives a crash. Prefixes and words are
 * letters and digits only ({@link org.civictaskforce.platform.text.SearchWords}), so they are used in
 * the regex as they are.
 */
@Repository
public class MongoSearchIndex implements SearchIndex {
    public static final String ENTRIES = "search_entries";
    public static final String POSTINGS = "search_postings";
    static final int BUCKETS = 8;
    static final int MIN_PREFIX = 3;
    private static final String OPEN_FINDINGS = "f";
    private static final String CLOSED_FINDINGS = "c";
    private static final String STANDARDS = "s";
    private static final String MECHANISMS = "m";

    private final MongoTemplate mongo;

    public MongoSearchIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> entries() {
        return mongo.getCollection(ENTRIES);
    }

    private MongoCollection<Document> postings() {
        return mongo.getCollection(POSTINGS);
    }

    @Override
    public void put(List<Entry> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Map<String, Entry> byKey = new LinkedHashMap<>();
        changed.forEach(e -> byKey.put(key(e.kind(), e.id()), e));
        Map<String, Document> before = new HashMap<>();
        entries().find(Filters.in("_id", byKey.keySet())).forEach(d -> before.put(d.getString("_id"), d));

        Postings postings = new Postings();
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (var e : byKey.entrySet()) {
            Entry entry = e.getValue();
            Document old = before.get(e.getKey());
            Set<String> now = new LinkedHashSet<>(entry.words());
            Set<String> pending = new LinkedHashSet<>(now);
            if (old == null) {
                postings.add(now, entry);
            } else {
                List<String> oldWords = old.getList("words", String.class, List.of());
                List<String> oldPending = old.getList("pending", String.class);
                pending.addAll(oldWords);
                if (oldPending == null && field(old).equals(field(entry))) {
                    Set<String> gone = new HashSet<>(oldWords);
                    gone.removeAll(now);
                    Set<String> added = new LinkedHashSet<>(now);
                    oldWords.forEach(added::remove);
                    postings.remove(gone, entry);
                    postings.add(added, entry);
                } else {
                    // an interrupted change, or the finding was accepted: redo every posting it may be in
                    if (oldPending != null) {
                        pending.addAll(oldPending);
                    }
                    postings.remove(pending, entry);
                    postings.add(now, entry);
                }
            }
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", e.getKey()), document(e.getKey(), entry, pending),
                    new ReplaceOptions().upsert(true)));
        }
        entries().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        postings.write(postings());
        entries().updateMany(Filters.in("_id", byKey.keySet()), Updates.unset("pending"));
    }

    @Override
    public int repairPending() {
        List<Entry> interrupted = new ArrayList<>();
        entries().find(Filters.exists("pending")).forEach(d -> interrupted.add(entry(d)));
        put(interrupted);
        return interrupted.size();
    }

    @Override
    public Page<Entry> search(List<String> prefixes, Kind kind, boolean all, Pageable page) {
        List<String> fields = fields(kind, all);
        Map<String, Set<String>> hits = null;
        for (String p : prefixes) {
            if (p.isEmpty() || !p.chars().allMatch(Character::isLetterOrDigit)) {
                throw new IllegalArgumentException("a search prefix is letters and digits only");
            }
            Map<String, Set<String>> found = new HashMap<>();
            fields.forEach(f -> found.put(f, new HashSet<>()));
            Bson range = Filters.regex("_id", "^" + p + (p.length() < MIN_PREFIX ? "\\|" : ""));
            for (Document d : postings().find(range).projection(Projections.include(fields))) {
                for (String f : fields) {
                    found.get(f).addAll(d.getList(f, String.class, List.of()));
                }
            }
            if (hits == null) {
                hits = found;
            } else {
                for (String f : fields) {
                    hits.get(f).retainAll(found.get(f));
                }
            }
            if (hits.values().stream().allMatch(Set::isEmpty)) {
                break;
            }
        }
        // the order of kind then id: findings, mechanisms, standards
        List<String> keys = new ArrayList<>();
        Set<String> findings = new HashSet<>();
        for (String f : List.of(OPEN_FINDINGS, CLOSED_FINDINGS)) {
            if (hits != null && hits.containsKey(f)) {
                findings.addAll(hits.get(f));
            }
        }
        addSorted(keys, Kind.FINDING, findings);
        addSorted(keys, Kind.MECHANISM, hits == null ? null : hits.get(MECHANISMS));
        addSorted(keys, Kind.STANDARD, hits == null ? null : hits.get(STANDARDS));
        int from = (int) Math.min(page.getOffset(), keys.size());
        List<String> pageKeys = keys.subList(from, Math.min(keys.size(), from + page.getPageSize()));
        Map<String, Entry> read = new HashMap<>();
        if (!pageKeys.isEmpty()) {
            entries().find(Filters.in("_id", pageKeys)).forEach(d -> read.put(d.getString("_id"), entry(d)));
        }
        List<Entry> content = pageKeys.stream().map(read::get).filter(java.util.Objects::nonNull).toList();
        return new PageImpl<>(content, page, keys.size());
    }

    @Override
    public boolean isEmpty() {
        return postings().find().limit(1).first() == null;
    }

    @Override
    public void clear() {
        entries().deleteMany(new Document());
        postings().deleteMany(new Document());
    }

    private static void addSorted(List<String> keys, Kind kind, Collection<String> ids) {
        if (ids != null) {
            ids.stream().sorted().forEach(id -> keys.add(key(kind, id)));
        }
    }

    private static List<String> fields(Kind kind, boolean all) {
        List<String> fields = new ArrayList<>();
        if (kind == null || kind == Kind.FINDING) {
            fields.add(OPEN_FINDINGS);
            if (all) {
                fields.add(CLOSED_FINDINGS);
            }
        }
        if (kind == null || kind == Kind.STANDARD) {
            fields.add(STANDARDS);
        }
        if (kind == null || kind == Kind.MECHANISM) {
            fields.add(MECHANISMS);
        }
        return fields;
    }

    static String key(Kind kind, String id) {
        return kind.name() + ":" + id;
    }

    private static String field(Entry e) {
        return switch (e.kind()) {
            case FINDING -> e.open() ? OPEN_FINDINGS : CLOSED_FINDINGS;
            case STANDARD -> STANDARDS;
            case MECHANISM -> MECHANISMS;
        };
    }

    private static String field(Document stored) {
        return field(entry(stored));
    }

    private static Document document(String key, Entry e, Set<String> pending) {
        return new Document("_id", key).append("kind", e.kind().name()).append("refId", e.id())
                .append("institutionId", e.institutionId()).append("title", e.title()).append("snippet", e.snippet())
                .append("words", e.words()).append("open", e.open()).append("pending", new ArrayList<>(pending));
    }

    private static Entry entry(Document d) {
        return new Entry(Kind.valueOf(d.getString("kind")), d.getString("refId"), d.getString("institutionId"),
                d.getString("title"), d.getString("snippet"), d.getList("words", String.class, List.of()),
                Boolean.TRUE.equals(d.getBoolean("open")));
    }

    /** The posting changes of one {@link #put}: removals are written before additions. */
    private static final class Postings {
        private final Map<String, Map<String, List<String>>> removals = new LinkedHashMap<>();
        private final Map<String, Map<String, List<String>>> additions = new LinkedHashMap<>();

        void add(Collection<String> words, Entry e) {
            for (String w : words) {
                additions.computeIfAbsent(posting(w, e), k -> new LinkedHashMap<>())
                        .computeIfAbsent(field(e), k -> new ArrayList<>()).add(e.id());
            }
        }

        void remove(Collection<String> words, Entry e) {
            List<String> from = e.kind() == Kind.FINDING ? List.of(OPEN_FINDINGS, CLOSED_FINDINGS) : List.of(field(e));
            for (String w : words) {
                Map<String, List<String>> fields = removals.computeIfAbsent(posting(w, e), k -> new LinkedHashMap<>());
                from.forEach(f -> fields.computeIfAbsent(f, k -> new ArrayList<>()).add(e.id()));
            }
        }

        void write(MongoCollection<Document> postings) {
            List<WriteModel<Document>> pulls = new ArrayList<>();
            removals.forEach((id, fields) -> pulls.add(new UpdateOneModel<>(Filters.eq("_id", id),
                    Updates.combine(fields.entrySet().stream()
                            .map(f -> Updates.pullByFilter(Filters.in(f.getKey(), f.getValue()))).toList()))));
            if (!pulls.isEmpty()) {
                postings.bulkWrite(pulls, new BulkWriteOptions().ordered(false));
            }
            List<WriteModel<Document>> pushes = new ArrayList<>();
            additions.forEach((id, fields) -> pushes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                    Updates.combine(fields.entrySet().stream()
                            .map(f -> Updates.pushEach(f.getKey(), f.getValue())).toList()),
                    new UpdateOptions().upsert(true))));
            if (!pushes.isEmpty()) {
                postings.bulkWrite(pushes, new BulkWriteOptions().ordered(false));
            }
        }

        private static String posting(String word, Entry e) {
            return word + "|" + Math.floorMod(key(e.kind(), e.id()).hashCode(), BUCKETS);
        }
    }
}
