package org.civictaskforce.membership.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import org.civictaskforce.membership.application.MeetingStore;
import org.civictaskforce.membership.domain.Meeting;
import org.civictaskforce.membership.domain.MeetingFilter;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.platform.outbox.Versioned;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;

/** The meetings, in {@code meetings}; each write saves the state and the events raised in one document write. */
@Repository
public class MongoMeetingStore implements MeetingStore {
    private static final Sort ORDER = Sort.by("startsAt", "_id");

    private final MongoTemplate mongo;
    private final DomainEvents domainEvents;

    public MongoMeetingStore(MongoTemplate mongo, DomainEvents domainEvents) {
        this.mongo = mongo;
        this.domainEvents = domainEvents;
    }

    @Override
    public void insert(Meeting meeting, List<?> events) {
        MeetingDocument document = MeetingDocument.newFor(meeting);
        document.append(domainEvents.wrapAll(document.getId(), events));
        mongo.insert(document);
    }

    @Override
    public Optional<Versioned<Meeting>> find(String id) {
        return Optional.ofNullable(mongo.findById(id, MeetingDocument.class))
                .map(d -> new Versioned<>(d.toDomain(), d.getVersion()));
    }

    @Override
    public void update(Versioned<Meeting> changed, List<?> events) {
        Meeting meeting = changed.value();
        MeetingDocument document = OutboxDocument.atVersion(mongo, MeetingDocument.class, meeting.id(),
                changed.version());
        document.apply(meeting);
        document.append(domainEvents.wrapAll(meeting.id(), events));
        mongo.save(document);
    }

    @Override
    public List<String> naming(String personId) {
        Query naming = new Query(new Criteria().orOperator(where("invitees.personId").is(personId),
                where("attendance.attendeeIds").is(personId)));
        naming.fields().include("_id");
        return mongo.find(naming, MeetingDocument.class).stream().map(MeetingDocument::getId).toList();
    }

    @Override
    public Page<Meeting> search(MeetingFilter f, Pageable pageable) {
        Query filter = new Query();
        if (f.status() != null) {
            filter.addCriteria(where("status").is(f.status()));
        }
        if (f.kind() != null) {
            filter.addCriteria(where("kind").is(f.kind()));
        }
        if (f.from() != null || f.to() != null) {
            Criteria start = where("startsAt");
            if (f.from() != null) {
                start = start.gte(f.from());
            }
            if (f.to() != null) {
                start = start.lt(f.to());
            }
            filter.addCriteria(start);
        }
        List<MeetingDocument> content = mongo.find(Query.of(filter).with(pageable).with(ORDER), MeetingDocument.class);
        return PageableExecutionUtils.getPage(content.stream().map(MeetingDocument::toDomain).toList(), pageable,
                () -> mongo.count(Query.of(filter), MeetingDocument.class));
    }
}
