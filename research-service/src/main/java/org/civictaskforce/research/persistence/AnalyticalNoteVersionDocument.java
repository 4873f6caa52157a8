package org.civictaskforce.research.persistence;

import java.time.Instant;

import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.research.domain.note.NoteChanges;
import org.civictaskforce.research.domain.note.NoteContent;
import org.civictaskforce.research.domain.note.NoteVersion;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One published version of the analytical note ({@code _id} = {@code note-v<number>}): the snapshot of
 * its content, what changed since the previous version, counts for the list, and the outbox carrying
 * its {@code AnalyticalNotePublished}. Inserted once; only the outbox relay touches it afterwards.
 */
@Document(collection = AnalyticalNoteVersionDocument.COLLECTION)
public class AnalyticalNoteVersionDocument extends OutboxDocument {
    public static final String COLLECTION = "analytical_note_versions";

    @Id
    private String id;
    @Indexed(unique = true, name = "note_number")
    private int number;
    private Instant publishedAt;
    private int findings;
    private int institutions;
    private int countries;
    private NoteContent content;
    private NoteChanges changes;

    static AnalyticalNoteVersionDocument of(NoteVersion v) {
        AnalyticalNoteVersionDocument d = new AnalyticalNoteVersionDocument();
        d.id = v.id();
        d.number = v.number();
        d.publishedAt = v.publishedAt();
        d.findings = v.content().findings().size();
        d.institutions = v.content().institutions().size();
        d.countries = v.content().countries();
        d.content = v.content();
        d.changes = v.changes();
        return d;
    }

    NoteVersion toDomain() {
        return new NoteVersion(number, publishedAt, content, changes);
    }

    public String getId() {
        return id;
    }

    int getNumber() {
        return number;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    int getFindings() {
        return findings;
    }

    int getInstitutions() {
        return institutions;
    }

    int getCountries() {
        return countries;
    }

    NoteChanges getChanges() {
        return changes;
    }
}
