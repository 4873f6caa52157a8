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

    /** Entries whose words start with every prefix, of one kind or all, open ones only unless {@code all}. */
    Page<Entry> search(List<String> prefixes, Kind kind, boolean all, Pageable page);

    boolean isEmpty();
}
