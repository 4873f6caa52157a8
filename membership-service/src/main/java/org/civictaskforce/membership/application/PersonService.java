package org.civictaskforce.membership.application;

import java.time.Clock;
import java.util.List;

import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.membership.domain.MembershipStatus;
import org.civictaskforce.membership.domain.NewPerson;
import org.civictaskforce.membership.domain.Person;
import org.civictaskforce.membership.persistence.PersonDocument;
import org.civictaskforce.membership.persistence.PersonRepository;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.problem.ConflictException;
import org.civictaskforce.platform.problem.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Use cases on people. Each command loads the document, lets the aggregate decide, and saves the new
 * state together with the events it raised in one document write; the outbox relay publishes them.
 */
@Service
public class PersonService {
    private static final String PERSON = "Person";

    private final PersonRepository people;
    private final DomainEvents domainEvents;
    private final Clock clock;

    public PersonService(PersonRepository people, DomainEvents domainEvents, Clock clock) {
        this.people = people;
        this.domainEvents = domainEvents;
        this.clock = clock;
    }

    public Person register(NewPerson details) {
        Person.Registration registration = Person.register(details, clock.instant());
        Person person = registration.person();
        PersonDocument document = PersonDocument.newFor(person);
        document.append(domainEvents.wrapAll(person.id(), List.of(registration.event())));
        try {
            people.insert(document);
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
            PersonDocument document = load(personId);
            Person person = document.toDomain();
            MemberInvited event = person.invite(clock.instant());
            document.apply(person);
            document.append(domainEvents.wrapAll(person.id(), List.of(event)));
            people.save(document);
            return new Invited(person, event);
        });
    }

    public Person get(String personId) {
        return load(personId).toDomain();
    }

    public Page<Person> search(String country, MembershipStatus status, Pageable pageable) {
        return people.search(country, status, pageable).map(PersonDocument::toDomain);
    }

    private PersonDocument load(String personId) {
        return people.findById(personId).orElseThrow(() -> new NotFoundException(PERSON, personId));
    }
}
