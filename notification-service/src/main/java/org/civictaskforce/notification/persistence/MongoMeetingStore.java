package org.civictaskforce.notification.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Optional;

import org.civictaskforce.notification.application.MeetingStore;
import org.civictaskforce.notification.domain.Meeting;
import org.civictaskforce.platform.messaging.IdempotentProjection;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The meetings read model. Every change is one document update that also records the event id
 * ({@link IdempotentProjection}), so a redelivered event changes nothing. Events of one meeting share its
 * Kafka key and arrive in order; an invitation seen before its meeting still creates the document.
 */
@Repository
public class MongoMeetingStore implements MeetingStore {
    private static final String COLLECTION = MeetingDocument.COLLECTION;

    private final MongoTemplate mongo;
    private final IdempotentProjection projection;

    public MongoMeetingStore(MongoTemplate mongo, IdempotentProjection projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    @Override
    public boolean scheduled(String eventId, String meetingId, String kind, String title, Instant startsAt,
            String timeZone, int durationMinutes) {
        return projection.apply(COLLECTION, meetingId, eventId, new Update().set("kind", kind).set("title", title)
                .set("startsAt", startsAt).set("timeZone", timeZone).set("durationMinutes", durationMinutes)
                .setOnInsert("status", Meeting.SCHEDULED));
    }

    /**
     * @param sequence the meeting's calendar sequence after the move as membership counts it, or {@code null}
     *                 (an event from before the field): then one more than the last
     */
    @Override
    public boolean rescheduled(String eventId, String meetingId, Instant startsAt, String timeZone,
            int durationMinutes, Integer sequence) {
        Update update = new Update().set("startsAt", startsAt).set("timeZone", timeZone)
                .set("durationMinutes", durationMinutes).setOnInsert("status", Meeting.SCHEDULED);
        if (sequence != null) {
            update.set(CALENDAR_SEQUENCE, sequence);
        } else {
            update.inc(CALENDAR_SEQUENCE, 1);
        }
        return projection.apply(COLLECTION, meetingId, eventId, update);
    }

    private static final String CALENDAR_SEQUENCE = "calendarSequence";

    @Override
    public boolean cancelled(String eventId, String meetingId, Instant cancelledAt) {
        return projection.apply(COLLECTION, meetingId, eventId,
                new Update().set("status", Meeting.CANCELLED).set("cancelledAt", cancelledAt));
    }

    @Override
    public boolean invited(String eventId, String meetingId, String personId, Instant startsAt, String timeZone,
            Instant invitedAt) {
        return projection.apply(COLLECTION, meetingId, eventId, new Update()
                .set(invitee(personId) + ".invitedAt", invitedAt)
                .setOnInsert("startsAt", startsAt).setOnInsert("timeZone", timeZone)
                .setOnInsert("status", Meeting.SCHEDULED));
    }

    @Override
    public boolean answered(String eventId, String meetingId, String personId, String response, Instant answeredAt) {
        return projection.apply(COLLECTION, meetingId, eventId, new Update()
                .set(invitee(personId) + ".rsvp", response).set(invitee(personId) + ".answeredAt", answeredAt)
                .setOnInsert("status", Meeting.SCHEDULED));
    }

    @Override
    public Optional<Meeting> find(String meetingId) {
        return Optional.ofNullable(mongo.findById(meetingId, MeetingDocument.class)).map(MeetingDocument::toMeeting);
    }

    /** The person was erased: they leave every meeting's invitee list. */
    @Override
    public long forget(String personId) {
        return mongo.updateMulti(Query.query(where(invitee(personId)).exists(true)),
                new Update().unset(invitee(personId)), COLLECTION).getModifiedCount();
    }

    private static String invitee(String personId) {
        if (!Meeting.isUsableId(personId)) {
            throw new IllegalArgumentException("person id unusable as a field name");
        }
        return "invitees." + personId;
    }
}
