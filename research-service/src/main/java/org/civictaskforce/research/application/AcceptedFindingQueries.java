package org.civictaskforce.research.application;

import java.util.List;

import org.civictaskforce.research.domain.Finding;

/** The accepted findings, read for the analytical note. */
public interface AcceptedFindingQueries {
    List<Finding> accepted();
}
