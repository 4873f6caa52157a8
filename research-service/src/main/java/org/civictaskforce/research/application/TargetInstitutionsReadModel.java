package org.civictaskforce.research.application;

import org.civictaskforce.research.domain.TargetInstitutions;

/**
 * This service's copy of the Working Group's target institutions, built from
 * {@code TargetInstitutionsDecided}. A write replaces the stored decision only if it is strictly
 * later, so a redelivered or older decision changes nothing.
 */
public interface TargetInstitutionsReadModel {

    /** @return true if the decision replaced the stored one, false if it was older, equal or a duplicate */
    boolean recordIfLater(String eventId, TargetInstitutions decision);

    TargetInstitutions current();
}
