package org.civictaskforce.membership.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import org.civictaskforce.membership.domain.NewOrganisation;
import org.civictaskforce.membership.domain.Organisation;
import org.civictaskforce.membership.domain.OrganisationFilter;
import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.platform.security.Caller;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Use cases on organisations: state and events saved in one document write, like people. */
@Service
public class OrganisationService {
    private final OrganisationStore organisations;
    private final Clock clock;

    public OrganisationService(OrganisationStore organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    /** A coordinator registers an organisation. */
    public Organisation register(NewOrganisation details, Caller caller) {
        caller.requireCoordinator();
        Organisation.Registration registration = Organisation.register(UUID.randomUUID().toString(), details,
                clock.instant());
        organisations.insert(registration.organisation(), List.of(registration.event()));
        return registration.organisation();
    }

    public Organisation invite(String id, Caller caller) {
        caller.requireCoordinator();
        return change(id, Organisation::invite);
    }

    public Organisation join(String id, Caller caller) {
        caller.requireCoordinator();
        return change(id, Organisation::join);
    }

    public Organisation withdraw(String id, Caller caller) {
        caller.requireCoordinator();
        return change(id, Organisation::withdraw);
    }

    /** An organisation, for any member (only coordinators are shown its contact: the web's choice). */
    public Organisation get(String id, Caller caller) {
        MemberAccess.requireMember(caller);
        return load(id).value();
    }

    public Page<Organisation> search(OrganisationFilter filter, Pageable pageable, Caller caller) {
        MemberAccess.requireMember(caller);
        return organisations.search(filter, pageable);
    }

    private Organisation change(String id, BiFunction<Organisation, Instant, Object> decision) {
        return OptimisticRetry.run(() -> {
            Versioned<Organisation> loaded = load(id);
            Organisation organisation = loaded.value();
            organisations.update(loaded, List.of(decision.apply(organisation, clock.instant())));
            return organisation;
        });
    }

    private Versioned<Organisation> load(String id) {
        return organisations.find(id).orElseThrow(() -> new NotFoundException("Organisation", id));
    }
}
