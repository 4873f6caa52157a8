package org.civictaskforce.membership.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import org.civictaskforce.membership.domain.MeetingFilter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;

/** Loads, saves and lists meetings. */
@Repository
public class MeetingRepository {
    private static final Sort ORDER = Sort.by("startsAt", "_id");

    private final MongoTemplate mongo;

    public MeetingRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<MeetingDocument> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, MeetingDocument.class));
    }

    public MeetingDocument insert(MeetingDocument document) {
        return mongo.insert(document);
    }

    public MeetingDocument save(MeetingDocument document) {
        return mongo.save(document);
    }

    /** The meetings that name the person as invitee or attendee. */
    public List<MeetingDocument> naming(String personId) {
        return mongo.find(new Query(new Criteria().orOperator(where("invitees.personId").is(personId),
                where("attendance.attendeeIds").is(personId))), MeetingDocument.class);
    }

    public Page<MeetingDocument> search(MeetingFilter f, Pageable pageable) {
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
        return PageableExecutionUtils.getPage(content, pageable,
                () -> mongo.count(Query.of(filter), MeetingDocument.class));
    }
}
