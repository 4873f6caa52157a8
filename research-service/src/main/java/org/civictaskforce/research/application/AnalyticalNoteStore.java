package org.civictaskforce.research.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.civictaskforce.research.domain.note.NoteVersion;

/**
 * The published versions of the analytical note ({@code analytical_note_versions}): insert only — a
 * version is never updated — with the publication's event in the same document's outbox. A second
 * insert of the same number fails (409), so two coordinators publishing at once cannot both get it.
 */
public interface AnalyticalNoteStore {
    void insert(NoteVersion.Publication publication);

    Optional<NoteVersion> latest();

    Optional<NoteVersion> find(int number);

    /** Every version, oldest first, without its content. */
    List<Summary> summaries();

    record Summary(String id, int number, Instant publishedAt, int findings, int institutions, int countries,
            int added, int removed, int changed) {
    }
}
