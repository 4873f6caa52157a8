package org.civictaskforce.research.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.civictaskforce.platform.text.SearchWords;
import org.civictaskforce.research.application.SearchIndex.Entry;
import org.civictaskforce.research.application.SearchIndex.Kind;
import org.civictaskforce.research.domain.Finding;
import org.civictaskforce.research.domain.Institution;
import org.civictaskforce.research.domain.Mechanism;
import org.civictaskforce.research.domain.Standard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Word search across findings, standards and mechanisms without {@code $text}: every entry keeps the
 * words of its texts in search form in an indexed array, and a query's words (one common ending
 * removed) must each prefix one of them. Anchored prefix regexes of letters and digits only: an index
 * range scan on MongoDB, nothing a caller types can become an operator or a pattern.
 */
@Service
public class SearchService {
    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    static final int TITLE = 120;
    static final int SNIPPET = 240;

    private final SearchIndex index;
    private final FindingStore findings;

    public SearchService(SearchIndex index, FindingStore findings) {
        this.index = index;
        this.findings = findings;
    }

    /** @param all whether the caller may find findings that are not accepted yet (coordinators) */
    public Page<Entry> search(String query, Kind kind, boolean all, Pageable page) {
        List<String> prefixes = SearchWords.queryPrefixes(query);
        if (prefixes.isEmpty()) {
            return new PageImpl<>(List.of(), page, 0);
        }
        return index.search(prefixes, kind, all, page);
    }

    /**
     * Brings the finding's entry up to date and then marks the stored finding as indexed. A finding
     * saved but not indexed (a process stopped in between) stays marked, and {@link #catchUp()} indexes it.
     */
    public void indexFinding(Finding finding) {
        indexFindings(List.of(finding));
    }

    public void indexFindings(List<Finding> changed) {
        index.put(changed.stream().map(SearchService::entryOf).toList());
        changed.forEach(findings::searchIndexed);
    }

    public void indexInstitution(Institution institution) {
        index.put(entriesOf(institution));
    }

    /**
     * Finishes what a stopped process left undone: entries whose postings were being changed, then
     * findings saved but not yet indexed. Returns how many entries and findings it indexed.
     */
    public int catchUp() {
        int done = index.repairPending();
        List<Finding> waiting;
        while (!(waiting = findings.awaitingSearch(500)).isEmpty()) {
            indexFindings(waiting);
            done += waiting.size();
        }
        if (done > 0) {
            log.info("search index caught up with {} entries and findings", done);
        }
        return done;
    }

    /**
     * At start-up: builds the index from scratch when it has no postings (first start, a dropped
     * collection, or entries from before the inverted index), otherwise brings the catalogue's entries up
     * to date (a handful; unchanged ones cost a read) and catches up.
     */
    public void startUp(List<Institution> institutions) {
        List<Entry> catalogue = institutions.stream().flatMap(i -> entriesOf(i).stream()).toList();
        if (!index.isEmpty()) {
            index.put(catalogue);
            catchUp();
            return;
        }
        index.clear();
        index.put(catalogue);
        long[] count = {institutions.size()};
        List<Finding> batch = new ArrayList<>();
        try (Stream<Finding> all = findings.all()) {
            all.forEach(f -> {
                batch.add(f);
                if (batch.size() == 500) {
                    indexFindings(List.copyOf(batch));
                    batch.clear();
                }
                count[0]++;
            });
        }
        indexFindings(batch);
        log.info("search index built for {} institutions and findings", count[0]);
    }

    /** The search entry of a finding: its current version's statement, citations and tags. */
    public static Entry entryOf(Finding f) {
        Finding.Content content = f.versions().get(f.versions().size() - 1).content();
        List<String> texts = new ArrayList<>();
        texts.add(content.statement());
        texts.addAll(content.standardIds());
        texts.add(f.institutionId());
        texts.add(f.country());
        for (Finding.Citation c : content.evidence()) {
            texts.add(c.document());
            texts.add(c.section());
            texts.add(c.quote());
        }
        return new Entry(Kind.FINDING, f.id(), f.institutionId(), cut(content.statement(), TITLE),
                cut(content.statement(), SNIPPET), SearchWords.words(nonNull(texts)),
                f.status() == Finding.FindingStatus.ACCEPTED);
    }

    /** The search entries of an institution: one per standard, one for its mechanism (if it has one). */
    public static List<Entry> entriesOf(Institution i) {
        List<Entry> entries = new ArrayList<>();
        for (Standard s : i.standards()) {
            entries.add(new Entry(Kind.STANDARD, i.id() + "/" + s.id(), i.id(), s.title(), cut(s.summary(), SNIPPET),
                    SearchWords.words(nonNull(Stream.of(s.title(), s.summary(), s.note(), s.id(), i.id(), i.name())
                            .toList())),
                    true));
        }
        Mechanism m = i.mechanism();
        if (m != null && m.name() != null && !m.name().equals("none")) {
            List<String> texts = new ArrayList<>(List.of(i.id()));
            texts.add(i.name());
            texts.add(m.name());
            texts.add(m.howToFile());
            texts.add(m.eligibilityNote());
            texts.add(m.note());
            if (m.functions() != null) {
                texts.addAll(m.functions());
            }
            entries.add(new Entry(Kind.MECHANISM, i.id(), i.id(), m.name(),
                    cut(m.howToFile() != null ? m.howToFile() : m.note(), SNIPPET), SearchWords.words(nonNull(texts)),
                    true));
        }
        return entries;
    }

    private static List<String> nonNull(List<String> texts) {
        return texts.stream().filter(Objects::nonNull).toList();
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max - 1).strip() + "…";
    }
}
