package org.civictaskforce.membership.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.civictaskforce.contracts.membership.PersonContact;
import org.civictaskforce.membership.application.PersonStore;
import org.civictaskforce.membership.domain.ContactDetails;
import org.civictaskforce.membership.domain.Person;
import org.civictaskforce.membership.domain.PersonFilter;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.platform.outbox.OutboxEvent;
import org.civictaskforce.platform.outbox.Versioned;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The people, in {@code people}: each write saves the state and, in its outbox, the events raised and — when the
 * contact is new or changed — the person's contact record for the compacted contacts topic (a tombstone at erasure),
 * in one document write. The outbox relay publishes both; an unsent older contact record is replaced, not sent.
 */
@Repository
public class MongoPersonStore implements PersonStore {
    private final PersonRepository people;
    private final MongoTemplate mongo;
    private final DomainEvents domainEvents;

    public MongoPersonStore(PersonRepository people, MongoTemplate mongo, DomainEvents domainEvents) {
        this.people = people;
        this.mongo = mongo;
        this.domainEvents = domainEvents;
    }

    @Override
    public void insert(Person person, List<?> events) {
        PersonDocument document = PersonDocument.newFor(person);
        document.append(domainEvents.wrapAll(person.id(), events));
        document.append(List.of(contactRecord(person)));
        people.insert(document);
    }

    @Override
    public Optional<Versioned<Person>> find(String id) {
        return people.findById(id).map(d -> new Versioned<>(d.toDomain(), d.getVersion()));
    }

    @Override
    public void update(Versioned<Person> changed, List<?> events) {
        Person person = changed.value();
        PersonDocument document = current(changed);
        boolean contactChanged = document.apply(person);
        document.append(domainEvents.wrapAll(person.id(), events));
        if (contactChanged) {
            document.append(List.of(contactRecord(person)));
        }
        people.save(document);
    }

    @Override
    public void erase(Versioned<Person> loaded, Person tombstone, Instant when, List<?> events) {
        PersonDocument document = current(loaded);
        document.erase(tombstone, when);
        document.append(domainEvents.wrapAll(tombstone.id(), events));
        document.append(List.of(domainEvents.keyedRecord(CONTACTS_BINDING, tombstone.id(), null)));
        people.save(document);
    }

    @Override
    public Optional<Instant> erasedAt(String id) {
        return people.findById(id).filter(PersonDocument::isErased).map(PersonDocument::getErasedAt);
    }

    @Override
    public Page<Person> search(PersonFilter filter, Pageable pageable) {
        return people.search(filter, pageable).map(PersonDocument::toDomain);
    }

    @Override
    public List<String> idsMatching(PersonFilter filter, int limit) {
        return people.idsMatching(filter, limit);
    }

    @Override
    public List<String> lapsedInvitations(Instant now, int limit) {
        return people.lapsedInvitations(now, limit);
    }

    /** The contact as consumers of the contacts topic read it, keyed by person id. */
    private OutboxEvent contactRecord(Person person) {
        ContactDetails contact = person.contact();
        return domainEvents.keyedRecord(CONTACTS_BINDING, person.id(), new PersonContact(person.id(),
                contact.displayName(), contact.email(), contact.preferredLanguage(), contact.timeZone()));
    }

    private PersonDocument current(Versioned<Person> loaded) {
        return OutboxDocument.atVersion(mongo, PersonDocument.class, loaded.value().id(), loaded.version());
    }
}
