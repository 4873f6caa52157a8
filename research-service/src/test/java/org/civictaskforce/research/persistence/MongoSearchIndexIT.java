package org.civictaskforce.research.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.platform.text.SearchWords;
import org.civictaskforce.research.application.SearchIndex.Entry;
import org.civictaskforce.research.application.SearchIndex.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** The inverted search index against the MongoDB-wire-compatible store: prefixes, filters, changes, crashes. */
class MongoSearchIndexIT {
    private static MongoClient client;
    private static MongoTemplate mongo;
    private MongoSearchIndex index;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MongoTestServer.uri("research-search-index"));
        mongo = new MongoTemplate(client, "research-search-index");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void empty() {
        index = new MongoSearchIndex(mongo);
        index.clear();
    }

    private static Entry finding(String id, boolean accepted, String text) {
        return new Entry(Kind.FINDING, id, "wb", text, text, SearchWords.words(text), accepted);
    }

    private static Entry standard(String id, String text) {
        return new Entry(Kind.STANDARD, "wb/" + id, "wb", text, text, SearchWords.words(text), true);
    }

    private List<String> ids(String query, Kind kind, boolean all) {
        return index.search(SearchWords.queryPrefixes(query), kind, all, PageRequest.of(0, 100)).getContent().stream()
                .map(e -> e.kind() + ":" + e.id()).toList();
    }

    @Test
    void everyQueryWordMustStartAWordOfTheEntry() {
        index.put(List.of(finding("f1", true, "Стандарты раскрытия информации банка"),
                finding("f2", true, "Банк не раскрыл информацию о проекте"),
                finding("f3", true, "Reprisals against defenders"),
                standard("ess10", "Stakeholder engagement and information disclosure")));

        assertThat(ids("стандартов", null, true)).containsExactly("FINDING:f1");
        assertThat(ids("информация банк", null, true)).containsExactly("FINDING:f1", "FINDING:f2");
        assertThat(ids("информация проект", null, true)).containsExactly("FINDING:f2");
        assertThat(ids("information", null, true)).containsExactly("STANDARD:wb/ess10");
        assertThat(ids("reprisal defender", null, true)).containsExactly("FINDING:f3");
        assertThat(ids("reprisal zzz", null, true)).isEmpty();
        assertThat(ids("zzz", null, true)).isEmpty();
    }

    @Test
    void wordsShorterThanThreeLettersMatchWholeWordsOnly() {
        index.put(List.of(finding("f1", true, "The EU and the UN"), finding("f2", true, "Eurasian union")));

        assertThat(ids("eu", null, true)).containsExactly("FINDING:f1");
        assertThat(ids("eur", null, true)).containsExactly("FINDING:f2");
        assertThat(ids("un", null, true)).containsExactly("FINDING:f1");
    }

    @Test
    void membersFindAcceptedFindingsOnlyAndKindsFilter() {
        index.put(List.of(finding("f1", true, "grievance mechanism"), finding("f2", false, "grievance redress"),
                standard("ess10", "grievance mechanism of the project")));

        assertThat(ids("grievance", null, true)).containsExactly("FINDING:f1", "FINDING:f2", "STANDARD:wb/ess10");
        assertThat(ids("grievance", null, false)).containsExactly("FINDING:f1", "STANDARD:wb/ess10");
        assertThat(ids("grievance", Kind.FINDING, false)).containsExactly("FINDING:f1");
        assertThat(ids("grievance", Kind.STANDARD, true)).containsExactly("STANDARD:wb/ess10");
        assertThat(ids("grievance", Kind.MECHANISM, true)).isEmpty();
    }

    @Test
    void aChangedEntryIsFoundByItsNewWordsOnlyAndAcceptanceOpensIt() {
        index.put(List.of(finding("f1", false, "draft about consultations")));
        index.put(List.of(finding("f1", false, "final text about disclosure")));

        assertThat(ids("consultation", null, true)).isEmpty();
        assertThat(ids("disclosure", null, true)).containsExactly("FINDING:f1");
        assertThat(ids("disclosure", null, false)).isEmpty();

        index.put(List.of(finding("f1", true, "final text about disclosure")));
        assertThat(ids("disclosure", null, false)).containsExactly("FINDING:f1");
        assertThat(ids("disclosure", null, true)).containsExactly("FINDING:f1");
    }

    @Test
    void puttingTheSameEntryAgainChangesNothing() {
        Entry e = finding("f1", true, "stakeholder engagement");
        index.put(List.of(e));
        index.put(List.of(e));
        index.put(List.of(e, e));

        assertThat(index.search(List.of("stakeholder"), null, true, PageRequest.of(0, 10)).getTotalElements())
                .isEqualTo(1);
        assertThat(mongo.getCollection(MongoSearchIndex.ENTRIES).countDocuments(Filters.exists("pending"))).isZero();
    }

    @Test
    void pagesAreOrderedByKindThenIdAndCountEveryHit() {
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            many.add(finding(String.format("f%02d", i), true, "policy number " + i));
        }
        many.add(standard("ps1", "a policy"));
        index.put(many);

        var page2 = index.search(List.of("polic"), null, true, PageRequest.of(2, 20));
        assertThat(page2.getTotalElements()).isEqualTo(46);
        assertThat(page2.getContent()).extracting(Entry::id).containsExactly("f40", "f41", "f42", "f43", "f44",
                "wb/ps1");
        assertThat(index.search(List.of("polic"), null, true, PageRequest.of(9, 20)).getContent()).isEmpty();
    }

    @Test
    void aWordInThousandsOfEntriesIsSplitIntoBuckets() {
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            many.add(finding("f" + i, i % 2 == 0, "civic space " + i));
        }
        index.put(many);

        long postingDocuments = mongo.getCollection(MongoSearchIndex.POSTINGS)
                .countDocuments(Filters.regex("_id", "^civic\\|"));
        assertThat(postingDocuments).isBetween(2L, (long) MongoSearchIndex.BUCKETS);
        assertThat(index.search(List.of("civic", "space"), null, true, PageRequest.of(0, 1)).getTotalElements())
                .isEqualTo(2_000);
        assertThat(index.search(List.of("civic"), Kind.FINDING, false, PageRequest.of(0, 1)).getTotalElements())
                .isEqualTo(1_000);
    }

    @Test
    void aChangeInterruptedHalfWayIsRepaired() {
        index.put(List.of(finding("f1", false, "old words here")));
        // a process stopped after storing the entry's new version (with pending) and one posting of it
        Entry changed = finding("f1", true, "new words there");
        var entries = mongo.getCollection(MongoSearchIndex.ENTRIES);
        entries.updateOne(Filters.eq("_id", "FINDING:f1"), Updates.combine(Updates.set("words", changed.words()),
                Updates.set("open", true), Updates.set("pending", List.of("old", "words", "here", "new", "there"))));
        mongo.getCollection(MongoSearchIndex.POSTINGS).updateOne(
                Filters.eq("_id", "new|" + Math.floorMod("FINDING:f1".hashCode(), MongoSearchIndex.BUCKETS)),
                Updates.push("f", "f1"), new com.mongodb.client.model.UpdateOptions().upsert(true));

        assertThat(index.repairPending()).isEqualTo(1);

        assertThat(ids("old", null, true)).isEmpty();
        assertThat(ids("here", null, true)).isEmpty();
        assertThat(ids("new there", null, false)).containsExactly("FINDING:f1");
        assertThat(index.search(List.of("new"), null, true, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
        assertThat(entries.find(Filters.eq("_id", "FINDING:f1")).first()).doesNotContainKey("pending");
        assertThat(index.repairPending()).isZero();
    }

    @Test
    void theNextChangeOfAnInterruptedEntryAlsoRepairsIt() {
        index.put(List.of(finding("f1", true, "alpha beta")));
        mongo.getCollection(MongoSearchIndex.ENTRIES).updateOne(Filters.eq("_id", "FINDING:f1"),
                Updates.combine(Updates.set("words", List.of("gamma")), Updates.set("pending",
                        List.of("alpha", "beta", "gamma"))));

        index.put(List.of(finding("f1", true, "delta")));

        assertThat(ids("alpha", null, true)).isEmpty();
        assertThat(ids("gamma", null, true)).isEmpty();
        assertThat(ids("delta", null, true)).containsExactly("FINDING:f1");
    }

    @Test
    void emptyUntilSomethingIsIndexed() {
        assertThat(index.isEmpty()).isTrue();
        index.put(List.of(finding("f1", true, "words")));
        assertThat(index.isEmpty()).isFalse();
        assertThat(mongo.getCollection(MongoSearchIndex.POSTINGS).find(Filters.eq("_id", "nothing")).first())
                .isNull();
        index.clear();
        assertThat(index.isEmpty()).isTrue();
        assertThat(mongo.getCollection(MongoSearchIndex.ENTRIES).countDocuments(new Document())).isZero();
    }
}
