package org.civictaskforce.research.application;

import java.util.Optional;
import java.util.Set;

import org.civictaskforce.research.domain.Assignment;
import org.civictaskforce.research.domain.AssignmentStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The {@code assignments} collection; each saved change carries its events in the document's outbox. */
public interface AssignmentStore {
    void insert(Assignment.Change created);

    /** Saves a change of a stored assignment; fails optimistically if it changed since it was read. */
    void update(Assignment.Change change);

    Optional<Assignment> find(String id);

    Page<Assignment> search(String country, String expertId, AssignmentStatus status, Pageable page);

    /**
     * Erasure: every assignment of this person keeps its facts (country, institution, strand, status,
     * findings) under one new anonymous expert id, so coverage and counts stay right; returns how many.
     */
    long anonymiseExpert(String personId);

    /** The distinct experts with an assignment in this country. */
    Set<String> expertsIn(String country);
}
