package org.civictaskforce.contracts.research;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.EventType;

/**
 * A version of the analytical note was published (immutable from then on): its number, what it
 * holds (counts) and which findings it added, removed or changed since the previous version — ids and
 * counts only, no statement text, no people.
 */
@EventType("org.civictaskforce.research.note.published")
public record AnalyticalNotePublished(String noteVersionId, int number, Instant publishedAt, int findings,
        int institutions, int countries, List<String> addedFindingIds, List<String> removedFindingIds,
        List<String> changedFindingIds) {
    public AnalyticalNotePublished {
        addedFindingIds = addedFindingIds == null ? List.of() : List.copyOf(addedFindingIds);
        removedFindingIds = removedFindingIds == null ? List.of() : List.copyOf(removedFindingIds);
        changedFindingIds = changedFindingIds == null ? List.of() : List.copyOf(changedFindingIds);
    }
}
