package org.civictaskforce.research.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.civictaskforce.contracts.research.FindingAccepted;
import org.civictaskforce.contracts.research.FindingReturned;
import org.civictaskforce.contracts.research.FindingSubmitted;
import org.civictaskforce.platform.problem.ConflictException;
import org.civictaskforce.platform.problem.DomainRuleException;

/**
 * A finding of an assignment: every submitted text is kept as a version (a resubmission is a new
 * version), reviewers' comments stay with the version they were made on. SUBMITTED → RETURNED →
 * SUBMITTED … → ACCEPTED (final).
 */
public record Finding(String id, String assignmentId, String country, String institutionId, Strand strand,
        FindingStatus status, List<Version> versions, List<Comment> comments) {
    /*
     * Every version and comment lives in the finding's one document (MongoDB: 16 MiB at most). A version
     * is at most about 92 000 characters (statement 5 000, 30 citations of at most 2 900), under 280 KB
     * even in three-byte UTF-8, a comment at most 2 000 characters: 20 versions and 200 comments stay
     * under 7 MB whatever members write.
     */
    public static final int MAX_VERSIONS = 20;
    public static final int MAX_COMMENTS = 200;

    public enum FindingStatus {
        SUBMITTED, RETURNED, ACCEPTED
    }

    /** One source of evidence: a link or a document (at least one), where in it, a short quote, when read. */
    public record Citation(String link, String document, String section, String quote, LocalDate accessedOn) {
    }

    /** What the expert states, on which evidence, under which standards, how sure. */
    public record Content(String statement, List<Citation> evidence, List<String> standardIds, String confidence) {
        public Content {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            standardIds = standardIds == null ? List.of() : List.copyOf(standardIds);
            if (evidence.isEmpty()) {
                throw new DomainRuleException("a finding needs at least one citation");
            }
            for (Citation c : evidence) {
                if (blank(c.link()) && blank(c.document())) {
                    throw new DomainRuleException("a citation needs a link or a document");
                }
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    public record Version(int version, Content content, Instant submittedAt) {
    }

    public record Comment(int version, String text, Instant at) {
    }

    public record Change(Finding finding, List<Object> events) {
    }

    public Finding {
        versions = List.copyOf(versions);
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    public static Change submit(String id, Assignment assignment, Content content, Instant now) {
        if (assignment.status() != AssignmentStatus.IN_PROGRESS && assignment.status() != AssignmentStatus.RETURNED) {
            throw new ConflictException("assignment " + assignment.id() + " is " + assignment.status()
                    + ": findings are submitted while it is IN_PROGRESS or RETURNED");
        }
        Finding f = new Finding(id, assignment.id(), assignment.country(), assignment.institutionId(),
                assignment.strand(), FindingStatus.SUBMITTED, List.of(new Version(1, content, now)), List.of());
        return new Change(f, List.of(new FindingSubmitted(id, assignment.id(), 1, now)));
    }

    public int currentVersion() {
        return versions.get(versions.size() - 1).version();
    }

    /** A new version; the earlier ones stay. Not once accepted. */
    public Change resubmit(Content content, Instant now) {
        if (status == FindingStatus.ACCEPTED) {
            throw new ConflictException("finding " + id + " is accepted and cannot change");
        }
        if (versions.size() >= MAX_VERSIONS) {
            throw new DomainRuleException("a finding has at most " + MAX_VERSIONS
                    + " versions; this one has them all (ask a coordinator to accept it or open a new assignment)");
        }
        List<Version> all = new ArrayList<>(versions);
        int next = currentVersion() + 1;
        all.add(new Version(next, content, now));
        return new Change(with(FindingStatus.SUBMITTED, all, comments),
                List.of(new FindingSubmitted(id, assignmentId, next, now)));
    }

    /** A reviewer's comment on the current version that leaves its state as it is. */
    public Change comment(String text, Instant now) {
        if (status == FindingStatus.ACCEPTED) {
            throw new ConflictException("finding " + id + " is accepted");
        }
        return new Change(with(status, versions, withComment(text, now)), List.of());
    }

    /**
     * Returned for revision: the comment stays on the current version for the expert to read, the finding
     * becomes RETURNED (editable: the expert's resubmission is a new version). Only a submitted finding.
     */
    public Change returnForRevision(String text, String expertId, Instant now) {
        if (status != FindingStatus.SUBMITTED) {
            throw new ConflictException("finding " + id + " is " + status + " and cannot be returned");
        }
        return new Change(with(FindingStatus.RETURNED, versions, withComment(text, now)),
                List.of(new FindingReturned(id, assignmentId, currentVersion(), now, expertId)));
    }

    private List<Comment> withComment(String text, Instant now) {
        if (comments.size() >= MAX_COMMENTS) {
            throw new DomainRuleException("a finding has at most " + MAX_COMMENTS + " review comments");
        }
        List<Comment> all = new ArrayList<>(comments);
        all.add(new Comment(currentVersion(), text, now));
        return all;
    }

    /** Accepted with its assignment; only a submitted finding is accepted (returned ones stay returned). */
    public Change accept(Instant now) {
        if (status != FindingStatus.SUBMITTED) {
            throw new ConflictException("finding " + id + " is " + status + " and cannot be accepted");
        }
        return new Change(with(FindingStatus.ACCEPTED, versions, comments),
                List.of(new FindingAccepted(id, assignmentId, currentVersion(), now)));
    }

    private Finding with(FindingStatus s, List<Version> v, List<Comment> c) {
        return new Finding(id, assignmentId, country, institutionId, strand, s, v, c);
    }
}
