package org.civictaskforce.membership.domain;

/** An organisation's place in the Working Group: CANDIDATE → INVITED → MEMBER → WITHDRAWN (also from INVITED). */
public enum OrganisationStatus {
    CANDIDATE, INVITED, MEMBER, WITHDRAWN
}
