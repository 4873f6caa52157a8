package org.civictaskforce.membership.domain;

/** What an organisation mainly works on. */
public enum OrganisationKind {
    HUMAN_RIGHTS, ENVIRONMENT, LABOUR, MEDIA, ANTI_CORRUPTION, WOMENS_RIGHTS, LEGAL_AID, MINORITY_RIGHTS,
    DEVELOPMENT, RESEARCH, OTHER
}
