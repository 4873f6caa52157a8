package org.civictaskforce.research.domain.note;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.civictaskforce.contracts.research.AnalyticalNotePublished;
import org.civictaskforce.platform.problem.ConflictException;
import org.civictaskforce.platform.problem.DomainRuleException;

/**
 * A published version of the analytical note: numbered 1, 2, 3 …, immutable (a record of values; the
 * store only ever inserts it), with what changed since the previous version.
 */
public record NoteVersion(int number, Instant publishedAt, NoteContent content, NoteChanges changes) {

    public NoteVersion {
        if (number < 1) {
            throw new IllegalArgumentException("note versions are numbered from 1");
        }
    }

    public String id() {
        return idOf(number);
    }

    public static String idOf(int number) {
        return "note-v" + number;
    }

    public record Publication(NoteVersion version, List<Object> events) {
    }

    /**
     * Publishes {@code draft} as the version after {@code latest}: refused (422) when the draft holds no
     * accepted finding, and (409) when it is the same as the latest version.
     */
    public static Publication publish(Optional<NoteVersion> latest, NoteContent draft, Instant now) {
        if (draft.isEmpty()) {
            throw new DomainRuleException("the analytical note needs at least one accepted finding");
        }
        if (latest.isPresent() && latest.get().content().equals(draft)) {
            throw new ConflictException("nothing changed since version " + latest.get().number());
        }
        int number = latest.map(v -> v.number() + 1).orElse(1);
        NoteChanges changes = NoteChanges.between(latest.map(NoteVersion::number).orElse(null),
                latest.map(NoteVersion::content).orElse(null), draft);
        NoteVersion version = new NoteVersion(number, now, draft, changes);
        AnalyticalNotePublished event = new AnalyticalNotePublished(version.id(), number, now, draft.findings().size(),
                draft.institutions().size(), draft.countries(),
                changes.added().stream().map(NoteChanges.Entry::findingId).toList(),
                changes.removed().stream().map(NoteChanges.Entry::findingId).toList(),
                changes.changed().stream().map(NoteChanges.Changed::findingId).toList());
        return new Publication(version, List.of(event));
    }
}
