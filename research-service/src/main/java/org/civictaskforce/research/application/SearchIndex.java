package org.civictaskforce.research.application;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The search entries: one per finding, standard and mechanism, with its words in search form
 * ({@link org.civictaskforce.platform.text.SearchWords}). Derived data: rebuilt from the findings and
 * the catalogue when empty.
 */
public interface SearchIndex {

    /** What can be found. */
    enum Kind {
        FINDING, STANDARD, MECHANISM
    }

    /**
     * One hit: {@code id} is the finding id, {@code institutionId/standardId} or the institution id;
     * {@code open} false for a finding that is not accepted yet (only coordinators find those).
     */
    record Entry(Kind kind, String id, String institutionId, String title, String snippet, List<String> words,
            boolean open) {
    }

    /** Inserts or replaces entries (by kind and id). */
    void put(List<Entry> entries);

    /**
     * Entries with a word starting with every prefix (prefixes shorter than three letters: equal to a
     * word), of one kind or all, open ones only unless {@code all}, ordered by kind then id.
     */
    Page<Entry> search(List<String> prefixes, Kind kind, boolean all, Pageable page);

    /** Finishes the changes a stopped process left half done; returns how many entries it redid. */
    int repairPending();

    boolean isEmpty();

    /** Removes every entry, before a rebuild. */
    void clear();
}
