package org.civictaskforce.research.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.research.application.AnalyticalNoteStore;
import org.civictaskforce.research.domain.note.NoteVersion;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
public class MongoAnalyticalNoteStore implements AnalyticalNoteStore {
    private final MongoTemplate mongo;
    private final DomainEvents domainEvents;

    public MongoAnalyticalNoteStore(MongoTemplate mongo, DomainEvents domainEvents) {
        this.mongo = mongo;
        this.domainEvents = domainEvents;
    }

    @Override
    public void insert(NoteVersion.Publication publication) {
        AnalyticalNoteVersionDocument d = AnalyticalNoteVersionDocument.of(publication.version());
        d.append(domainEvents.wrapAll(d.getId(), publication.events()));
        mongo.insert(d);
    }

    @Override
    public Optional<NoteVersion> latest() {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "number")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, AnalyticalNoteVersionDocument.class))
                .map(AnalyticalNoteVersionDocument::toDomain);
    }

    @Override
    public Optional<NoteVersion> find(int number) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("number").is(number)),
                AnalyticalNoteVersionDocument.class)).map(AnalyticalNoteVersionDocument::toDomain);
    }

    @Override
    public List<Summary> summaries() {
        Query query = new Query().with(Sort.by("number"));
        query.fields().exclude("content", "outbox", "outboxLease");
        return mongo.find(query, AnalyticalNoteVersionDocument.class).stream()
                .map(d -> new Summary(d.getId(), d.getNumber(), d.getPublishedAt(), d.getFindings(), d.getInstitutions(),
                        d.getCountries(), d.getChanges().added().size(), d.getChanges().removed().size(),
                        d.getChanges().changed().size()))
                .toList();
    }
}
