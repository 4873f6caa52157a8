package org.civictaskforce.research.persistence;

import java.util.ArrayList;
import java.util.List;

import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.research.domain.Finding;
import org.civictaskforce.research.domain.Strand;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A finding as stored in {@code findings}: every version and comment, with its outbox. */
@Document(collection = FindingDocument.COLLECTION)
@CompoundIndex(name = "finding_assignment", def = "{'assignmentId': 1, 'firstSubmittedAt': 1}")
@CompoundIndex(name = "finding_coverage", def = "{'status': 1, 'country': 1, 'institutionId': 1, 'strand': 1}")
@CompoundIndex(name = "finding_search_pending", def = "{'searchPending': 1}", sparse = true)
// answers "mark indexed unless changed since" ({_id, searchPending}) from an index on the wire-compatible store too,
// which plans only with unique indexes whose keys are exactly the query's (real MongoDB uses _id either way)
@CompoundIndex(name = "finding_search_state", def = "{'_id': 1, 'searchPending': 1}", unique = true)
public class FindingDocument extends OutboxDocument {
    public static final String COLLECTION = "findings";

    @Id
    private String id;
    private String assignmentId;
    private String country;
    private String institutionId;
    private Strand strand;
    private Finding.FindingStatus status;
    private java.time.Instant firstSubmittedAt;
    private List<Finding.Version> versions = new ArrayList<>();
    private List<Finding.Comment> comments = new ArrayList<>();
    /**
     * Set with every save to what the search entry depends on ({@link #searchState}); removed once the
     * entry is up to date. Saved in the same write as the change, so a stop in between is caught up.
     */
    private String searchPending;

    static FindingDocument newFor(Finding f) {
        FindingDocument d = new FindingDocument();
        d.id = f.id();
        d.apply(f);
        return d;
    }

    void apply(Finding f) {
        assignmentId = f.assignmentId();
        country = f.country();
        institutionId = f.institutionId();
        strand = f.strand();
        status = f.status();
        firstSubmittedAt = f.versions().get(0).submittedAt();
        versions = new ArrayList<>(f.versions());
        comments = new ArrayList<>(f.comments());
        searchPending = searchState(f);
    }

    /** What the search entry of a finding is made of: its status and current version. */
    static String searchState(Finding f) {
        return f.status() + "/" + f.versions().size();
    }

    /** For loading findings whose entries are written with them (benchmarks). */
    void markSearchIndexed() {
        searchPending = null;
    }

    Finding toDomain() {
        return new Finding(id, assignmentId, country, institutionId, strand, status, versions, comments);
    }

    public String getId() {
        return id;
    }
}
