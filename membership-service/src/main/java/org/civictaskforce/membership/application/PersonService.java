package org.civictaskforce.membership.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.PersonAffiliationsChanged;
import org.civictaskforce.membership.domain.DetailsCorrection;
import org.civictaskforce.membership.domain.GroupRole;
import org.civictaskforce.membership.domain.NewPerson;
import org.civictaskforce.membership.domain.Person;
import org.civictaskforce.membership.domain.PersonFilter;
import org.civictaskforce.membership.domain.Profile;
import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.platform.problem.ConflictException;
import org.civictaskforce.platform.problem.DomainRuleException;
import org.civictaskforce.platform.problem.ForbiddenException;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.platform.security.Caller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Use cases on people. Each command loads the person, lets the aggregate decide, and saves the new state together
 * with the events it raised ({@link PersonStore}: one document write); the outbox relay publishes them.
 */
@Service
public class PersonService {
    private static final String PERSON = "Person";

    private final PersonStore people;
    private final OrganisationStore organisations;
    private final Clock clock;

    public PersonService(PersonStore people, OrganisationStore organisations, Clock clock) {
        this.people = people;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** A coordinator registers a person as a candidate. */
    public Person register(NewPerson details, Profile profile, Caller caller) {
        caller.requireCoordinator();
        Person.Registration registration = Person.register(java.util.UUID.randomUUID().toString(), details, profile,
                clock.instant());
        Person person = registration.person();
        try {
            people.insert(person, registration.events());
        } catch (DuplicateKeyException e) {
            // the unique index on the normalised e-mail decides, also between concurrent requests
            throw new ConflictException("A person with this e-mail address is already registered.");
        }
        return person;
    }

    public record Invited(Person person, MemberInvited event) {
    }

    public Invited invite(String personId, Caller caller) {
        caller.requireCoordinator();
        return OptimisticRetry.run(() -> {
            Versioned<Person> loaded = load(personId);
            Person person = loaded.value();
            MemberInvited event = person.invite(clock.instant());
            people.update(loaded, List.of(event));
            return new Invited(person, event);
        });
    }

    /** Only the invited person themself (no role needed: an invited person has none yet). */
    public Person accept(String personId, Caller caller) {
        MemberAccess.requireSelf(caller, personId);
        return change(personId, Person::accept);
    }

    public Person decline(String personId, Caller caller) {
        MemberAccess.requireSelf(caller, personId);
        return change(personId, Person::decline);
    }

    /** Only the person themself: consent given by someone else is no consent. */
    public Person recordConsent(String personId, String noticeVersion, List<String> agreedTo, Caller caller) {
        MemberAccess.requireSelf(caller, personId);
        return change(personId, (person, now) -> person.recordConsent(noticeVersion, agreedTo, now));
    }

    /** A coordinator approves an accepted member who has consented. */
    public Person activate(String personId, Caller caller) {
        caller.requireCoordinator();
        return change(personId, Person::activate);
    }

    /** The member leaves of their own accord: only the person themself (a coordinator removes instead). */
    public Person leave(String personId, Caller caller) {
        MemberAccess.requireSelf(caller, personId);
        return change(personId, Person::leave);
    }

    public Person remove(String personId, Caller caller) {
        caller.requireCoordinator();
        return change(personId, Person::remove);
    }

    /**
     * Replaces the organisations the person is affiliated with.
     *
     * @throws DomainRuleException if an id names no organisation
     */
    public Person changeAffiliations(String personId, List<String> organisationIds, Caller caller) {
        caller.requireSelfOrCoordinator(personId);
        List<String> distinct = organisationIds.stream().distinct().toList();
        if (organisations.countExisting(distinct) != distinct.size()) {
            throw new DomainRuleException("organisationIds must name registered organisations");
        }
        return change(personId, (person, now) -> {
            person.affiliate(distinct);
            return new PersonAffiliationsChanged(person.id(), person.affiliations(), now);
        });
    }

    /**
     * Replaces the profile (the person or a coordinator); {@code roles == null} keeps the current roles. Only a
     * coordinator may change roles: the person themself is refused when the roles would change, before anything is
     * written.
     *
     * @throws ForbiddenException if the roles would change and the caller may not change them
     */
    public Person updateProfile(String personId, Set<GroupRole> roles, List<String> languages, List<String> expertise,
            boolean protectedIdentity, Caller caller) {
        caller.requireSelfOrCoordinator(personId);
        boolean mayChangeRoles = caller.isCoordinator();
        return change(personId, (person, now) -> {
            Set<GroupRole> current = person.profile().roles();
            Set<GroupRole> wanted = roles == null ? current : Set.copyOf(roles);
            if (!mayChangeRoles && !wanted.equals(current)) {
                throw new ForbiddenException("Only a coordinator may change roles.");
            }
            return person.updateProfile(Profile.of(wanted, languages, expertise, protectedIdentity), now);
        });
    }

    /**
     * The person corrects their own details (see {@link Person#correct}); with the same optimistic
     * locking as every command. A changed contact bumps the contact revision in the same write, so the
     * contact relay publishes the new record on the contacts topic.
     *
     * @throws ConflictException if the new e-mail address is another person's
     */
    public Person correct(String personId, DetailsCorrection correction) {
        return OptimisticRetry.run(() -> {
            Versioned<Person> loaded = load(personId);
            Person person = loaded.value();
            List<Object> events = person.correct(correction, clock.instant());
            if (events.isEmpty()) {
                return person; // nothing changed: nothing to write, nothing to announce
            }
            try {
                people.update(loaded, events);
            } catch (DuplicateKeyException e) {
                // the unique index on the normalised e-mail decides, as at registration
                throw new ConflictException("Another person is registered with this e-mail address.");
            }
            return person;
        });
    }

    /**
     * Lets one lapsed invitation expire, if it still is lapsed when loaded (another replica's job, or
     * an answer, may have come first): then nothing happens.
     *
     * @return whether it expired
     */
    public boolean expireIfLapsed(String personId, Instant now) {
        return OptimisticRetry.run(() -> {
            Versioned<Person> loaded = people.find(personId).orElse(null);
            if (loaded == null) {
                return false;
            }
            Person person = loaded.value();
            if (!person.invitationLapsed(now)) {
                return false;
            }
            people.update(loaded, List.of(person.expire(now)));
            return true;
        });
    }

    public List<String> lapsedInvitations(Instant now, int limit) {
        return people.lapsedInvitations(now, limit);
    }

    /** Load, let the aggregate decide (it returns its event), save state and event in one write. */
    private Person change(String personId, BiFunction<Person, Instant, Object> decision) {
        return OptimisticRetry.run(() -> {
            Versioned<Person> loaded = load(personId);
            Person person = loaded.value();
            Object event = decision.apply(person, clock.instant());
            people.update(loaded, List.of(event));
            return person;
        });
    }

    /**
     * A person, to the person themself and coordinators (who may see them in full), and to any other member (the
     * public view is the web's choice); a caller without a role may read only themself.
     */
    public Person get(String personId, Caller caller) {
        if (!caller.is(personId) && !caller.isCoordinator()) {
            MemberAccess.requireMember(caller);
        }
        return load(personId).value();
    }

    /** The signed-in person's own record, found by the token's subject. */
    public Person own(Caller caller) {
        return load(self(caller)).value();
    }

    /** The signed-in person corrects their own details (see {@link #correct}). */
    public Person correctOwn(DetailsCorrection correction, Caller caller) {
        return correct(self(caller), correction);
    }

    /**
     * People by filter, for any member. Coordinators see everyone and filter over every attribute; for anyone else a
     * filter on a hidden attribute leaves out protected identities.
     */
    public Page<Person> search(PersonFilter filter, Pageable pageable, Caller caller) {
        MemberAccess.requireMember(caller);
        return people.search(caller.isCoordinator() ? filter.showingProtected() : filter, pageable);
    }

    private static String self(Caller caller) {
        caller.require(caller.authenticated(), "Sign in to see your own record.");
        return caller.subject();
    }

    private Versioned<Person> load(String personId) {
        return people.find(personId).orElseThrow(() -> new NotFoundException(PERSON, personId));
    }
}
