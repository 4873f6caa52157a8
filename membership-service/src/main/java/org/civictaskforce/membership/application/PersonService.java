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

    public Person register(NewPerson details) {
        return register(details, Profile.NONE);
    }

    public Person register(NewPerson details, Profile profile) {
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

    public Invited invite(String personId) {
        return OptimisticRetry.run(() -> {
            Versioned<Person> loaded = load(personId);
            Person person = loaded.value();
            MemberInvited event = person.invite(clock.instant());
            people.update(loaded, List.of(event));
            return new Invited(person, event);
        });
    }

    public Person accept(String personId) {
        return change(personId, Person::accept);
    }

    public Person decline(String personId) {
        return change(personId, Person::decline);
    }

    public Person recordConsent(String personId, String noticeVersion, List<String> agreedTo) {
        return change(personId, (person, now) -> person.recordConsent(noticeVersion, agreedTo, now));
    }

    public Person activate(String personId) {
        return change(personId, Person::activate);
    }

    public Person leave(String personId) {
        return change(personId, Person::leave);
    }

    public Person remove(String personId) {
        return change(personId, Person::remove);
    }

    /**
     * Replaces the organisations the person is affiliated with.
     *
     * @throws DomainRuleException if an id names no organisation
     */
    public Person changeAffiliations(String personId, List<String> organisationIds) {
        List<String> distinct = organisationIds.stream().distinct().toList();
        if (organisations.countExisting(distinct) != distinct.size()) {
            throw new DomainRuleException("organisationIds must name registered organisations");
        }
        return change(personId, (person, now) -> {
            person.affiliate(distinct);
            return new PersonAffiliationsChanged(person.id(), person.affiliations(), now);
        });
    }

    public Person updateProfile(String personId, Profile profile) {
        return change(personId, (person, now) -> person.updateProfile(profile, now));
    }

    /**
     * Replaces the profile; {@code roles == null} keeps the current roles. A caller who may not change
     * roles ({@code mayChangeRoles} false: the person themself) is refused when the roles would change,
     * before anything is written.
     *
     * @throws ForbiddenException if the roles would change and the caller may not change them
     */
    public Person updateProfile(String personId, Set<GroupRole> roles, List<String> languages, List<String> expertise,
            boolean protectedIdentity, boolean mayChangeRoles) {
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

    public Person get(String personId) {
        return load(personId).value();
    }

    public Page<Person> search(PersonFilter filter, Pageable pageable) {
        return people.search(filter, pageable);
    }

    private Versioned<Person> load(String personId) {
        return people.find(personId).orElseThrow(() -> new NotFoundException(PERSON, personId));
    }
}
