package org.civictaskforce.research.application;

import java.util.List;
import java.util.Optional;

import org.civictaskforce.research.domain.Finding;
import org.civictaskforce.research.domain.Strand;

/** The {@code findings} collection; each saved change carries its events in the document's outbox. */
public interface FindingStore {
    void insert(Finding.Change created);

    /** Saves a change of {@code before}; fails optimistically if the stored finding is no longer {@code before}. */
    void update(Finding before, Finding.Change change);

    Optional<Finding> find(String id);

    List<Finding> ofAssignment(String assignmentId);

    /** Every finding, streamed (close the stream); for rebuilding derived data such as the search index. */
    java.util.stream.Stream<Finding> all();

    /** Up to {@code limit} findings saved since their search entry was last brought up to date. */
    List<Finding> awaitingSearch(int limit);

    /** Marks the finding's search entry as up to date, unless the finding changed again since {@code indexed}. */
    void searchIndexed(Finding indexed);

    /** The assignments that still have submitted findings (to finish an acceptance a stopped process left). */
    List<String> assignmentsWithSubmittedFindings();

    /** The assignments that have findings returned for revision (to finish a return a stopped process left). */
    List<String> assignmentsWithReturnedFindings();

    /** Accepted findings counted by country × institution × strand. */
    List<Count> acceptedCounts();

    record Count(String country, String institutionId, Strand strand, long accepted) {
    }
}
