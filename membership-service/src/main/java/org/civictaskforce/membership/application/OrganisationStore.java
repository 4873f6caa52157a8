package org.civictaskforce.membership.application;

import java.util.List;
import java.util.Optional;

import org.civictaskforce.membership.domain.Organisation;
import org.civictaskforce.membership.domain.OrganisationFilter;
import org.civictaskforce.platform.outbox.Versioned;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The organisations this service keeps; state and the events raised saved in one document write. */
public interface OrganisationStore {
    void insert(Organisation organisation, List<?> events);

    Optional<Versioned<Organisation>> find(String id);

    /** @throws org.springframework.dao.OptimisticLockingFailureException if the stored one changed since */
    void update(Versioned<Organisation> changed, List<?> events);

    /** How many of the given ids name an organisation. */
    long countExisting(List<String> ids);

    Page<Organisation> search(OrganisationFilter filter, Pageable pageable);
}
