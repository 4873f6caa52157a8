package org.civictaskforce.membership.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import org.civictaskforce.membership.domain.NewOrganisation;
import org.civictaskforce.membership.domain.Organisation;
import org.civictaskforce.membership.domain.OrganisationFilter;
import org.civictaskforce.membership.persistence.OrganisationDocument;
import org.civictaskforce.membership.persistence.OrganisationRepository;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.problem.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Use cases on organisations: state and events saved in one document write, like people. */
@Service
public class OrganisationService {
    private final OrganisationRepository organisations;
    private final DomainEvents domainEvents;
    private final Clock clock;

    public OrganisationService(OrganisationRepository organisations, DomainEvents domainEvents, Clock clock) {
        this.organisations = organisations;
        this.domainEvents = domainEvents;
        this.clock = clock;
    }

    public Organisation register(NewOrganisation details) {
        Organisation.Registration registration = Organisation.register(UUID.randomUUID().toString(), details,
                clock.instant());
        OrganisationDocument document = OrganisationDocument.newFor(registration.organisation());
        document.append(domainEvents.wrapAll(document.getId(), List.of(registration.event())));
        organisations.insert(document);
        return registration.organisation();
    }

    public Organisation invite(String id) {
        return change(id, Organisation::invite);
    }

    public Organisation join(String id) {
        return change(id, Organisation::join);
    }

    public Organisation withdraw(String id) {
        return change(id, Organisation::withdraw);
    }

    public Organisation get(String id) {
        return load(id).toDomain();
    }

    public Page<Organisation> search(OrganisationFilter filter, Pageable pageable) {
        return organisations.search(filter, pageable).map(OrganisationDocument::toDomain);
    }

    private Organisation change(String id, BiFunction<Organisation, Instant, Object> decision) {
        return OptimisticRetry.run(() -> {
            OrganisationDocument document = load(id);
            Organisation organisation = document.toDomain();
            Object event = decision.apply(organisation, clock.instant());
            document.apply(organisation);
            document.append(domainEvents.wrapAll(id, List.of(event)));
            organisations.save(document);
            return organisation;
        });
    }

    private OrganisationDocument load(String id) {
        return organisations.findById(id).orElseThrow(() -> new NotFoundException("Organisation", id));
    }
}
