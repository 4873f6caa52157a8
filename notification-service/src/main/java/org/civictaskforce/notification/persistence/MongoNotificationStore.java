package org.civictaskforce.notification.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.civictaskforce.notification.application.NotificationStore;
import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.DeliveryLog;
import org.civictaskforce.notification.domain.DeliveryStatus;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.TemplateParameters;
import org.civictaskforce.notification.persistence.NotificationDocument.DeliveryEntry;
import org.civictaskforce.platform.work.Lease;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Notifications and their per-channel delivery state. Every state change is a single-document
 * update; a dispatcher changes a delivery only while it holds the claim it made.
 */
@Repository
public class MongoNotificationStore implements NotificationStore {
    private final MongoTemplate mongo;

    public MongoNotificationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return false if this notification exists already (the event was handled before) */
    @Override
    public boolean insert(Notification notification, Instant now) {
        Map<String, DeliveryEntry> deliveries = new LinkedHashMap<>();
        for (Channel channel : notification.channels()) {
            deliveries.put(channel.name(), new DeliveryEntry(DeliveryStatus.QUEUED.name(), 0, null, now, now, null,
                    null, null, null));
        }
        try {
            mongo.insert(new NotificationDocument(notification.id(), notification.eventId(), notification.eventType(),
                    notification.template(), notification.personId(), notification.occurredAt(), now,
                    notification.parameters().values(), notification.parameters().times(), deliveries));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Claims one delivery of this channel that is due, or whose claim lapsed (its dispatcher died
     * mid-send). Atomic ({@code findAndModify}), so two replicas never hold the same delivery.
     */
    @Override
    public Optional<ClaimedDelivery> claimNext(Channel channel, Instant now, Duration lease) {
        return claim(channel, null, now, lease);
    }

    /**
     * Claims this notification's delivery on this channel if it is due (or its claim lapsed): how the
     * dispatcher's fast path takes a delivery it was just told about. Same rules as {@link #claimNext}.
     */
    @Override
    public Optional<ClaimedDelivery> claimOne(String notificationId, Channel channel, Instant now, Duration lease) {
        return claim(channel, where("_id").is(notificationId), now, lease);
    }

    /**
     * Claims one more due delivery of this person on this channel among those created before
     * {@code createdBefore}: how a daily digest gathers the e-mails it carries, each under its own claim.
     */
    @Override
    public Optional<ClaimedDelivery> claimNextOf(String personId, Channel channel, Instant createdBefore, Instant now,
            Duration lease) {
        return claim(channel, where("personId").is(personId).and("createdAt").lt(createdBefore), now, lease);
    }

    private Optional<ClaimedDelivery> claim(Channel channel, Criteria scope, Instant now, Duration lease) {
        String d = path(channel);
        // due, or being sent by a dispatcher whose lease lapsed (it died mid-send); a queued delivery holds no lease
        Criteria dueOrSending = new Criteria().orOperator(
                where(d + ".status").is(DeliveryStatus.QUEUED.name()).and(d + ".nextAttemptAt").lte(now),
                where(d + ".status").is(DeliveryStatus.SENDING.name()));
        String token = UUID.randomUUID().toString();
        Update claim = new Update()
                .set(d + ".status", DeliveryStatus.SENDING.name())
                .set(d + ".lastAttemptAt", now)
                .inc(d + ".attempts", 1);
        NotificationDocument claimed = leaseOf(channel).claim(mongo,
                scope == null ? dueOrSending : new Criteria().andOperator(scope, dueOrSending), claim, token, now,
                lease, NotificationDocument.class, NotificationDocument.COLLECTION);
        if (claimed == null) {
            return Optional.empty();
        }
        DeliveryEntry entry = claimed.deliveries().get(channel.name());
        return Optional.of(new ClaimedDelivery(toNotification(claimed), channel, entry.attempts(), claimed.createdAt(),
                token));
    }

    /** The recipient switched the channel off: final, not a failure, no attempt counted. */
    @Override
    public boolean markSkipped(ClaimedDelivery claim, String reason, Instant now) {
        String d = path(claim.channel());
        return complete(claim, new Update()
                .set(d + ".status", DeliveryStatus.SKIPPED.name())
                .set(d + ".reason", reason)
                .set(d + ".completedAt", now)
                .inc(d + ".attempts", -1)
                .unset(d + ".nextAttemptAt"));
    }

    @Override
    public boolean markSent(ClaimedDelivery claim, Instant now) {
        return markSent(claim, now, null);
    }

    /** Sent, written in {@code language} (kept for the delivery log; null: not known). */
    @Override
    public boolean markSent(ClaimedDelivery claim, Instant now, String language) {
        String d = path(claim.channel());
        Update update = new Update();
        if (language != null) {
            update.set(d + ".language", language);
        }
        return complete(claim, update
                .set(d + ".status", DeliveryStatus.SENT.name())
                .set(d + ".completedAt", now)
                .unset(d + ".reason")
                .unset(d + ".nextAttemptAt"));
    }

    @Override
    public boolean markFailed(ClaimedDelivery claim, String reason, Instant now) {
        String d = path(claim.channel());
        return complete(claim, new Update()
                .set(d + ".status", DeliveryStatus.FAILED.name())
                .set(d + ".reason", reason)
                .set(d + ".completedAt", now)
                .unset(d + ".nextAttemptAt"));
    }

    /**
     * Puts a claimed delivery back in the queue until {@code nextAttemptAt}. {@code countAttempt}
     * false undoes the claim's attempt count (waiting for contact details is not a failed attempt).
     */
    @Override
    public boolean requeue(ClaimedDelivery claim, Instant nextAttemptAt, String reason, boolean countAttempt) {
        String d = path(claim.channel());
        Update update = new Update()
                .set(d + ".status", DeliveryStatus.QUEUED.name())
                .set(d + ".nextAttemptAt", nextAttemptAt)
                .set(d + ".reason", reason);
        if (!countAttempt) {
            update.inc(d + ".attempts", -1);
        }
        return complete(claim, update);
    }

    private boolean complete(ClaimedDelivery claim, Update update) {
        return leaseOf(claim.channel()).complete(mongo, claim.notification().id(), claim.claimToken(), update,
                NotificationDocument.COLLECTION);
    }

    private static Lease leaseOf(Channel channel) {
        return new Lease(path(channel) + ".lease");
    }

    /** Makes the person's waiting deliveries due now (their contact details just arrived). */
    @Override
    public void wakeQueuedOf(String personId, Instant now) {
        for (Channel channel : Channel.values()) {
            String d = path(channel);
            mongo.updateMulti(Query.query(where("personId").is(personId).and(d + ".status")
                    .is(DeliveryStatus.QUEUED.name())), new Update().set(d + ".nextAttemptAt", now),
                    NotificationDocument.class);
        }
    }

    /** Gives up the person's queued deliveries, e.g. because the person was erased. */
    @Override
    public void failQueuedOf(String personId, String reason, Instant now) {
        for (Channel channel : Channel.values()) {
            String d = path(channel);
            mongo.updateMulti(Query.query(where("personId").is(personId).and(d + ".status")
                    .is(DeliveryStatus.QUEUED.name())), new Update()
                    .set(d + ".status", DeliveryStatus.FAILED.name())
                    .set(d + ".reason", reason)
                    .set(d + ".completedAt", now)
                    .unset(d + ".nextAttemptAt"), NotificationDocument.class);
        }
    }

    /**
     * The person was erased: each of their notifications is re-filed under an anonymous id
     * ({@code erased-<random>}) without the person id (the old id, {@code <eventId>:<personId>}, named
     * them) and without any template value equal to their id, so the delivery log keeps its counts and
     * states but names nobody. Idempotent: a repeat finds nothing left.
     *
     * @return how many notifications were anonymised
     */
    @Override
    public long anonymiseAllOf(String personId) {
        long count = 0;
        for (NotificationDocument doc : mongo.find(Query.query(where("personId").is(personId)),
                NotificationDocument.class)) {
            Map<String, String> values = new LinkedHashMap<>();
            if (doc.values() != null) {
                doc.values().forEach((k, v) -> values.put(k, personId.equals(v) ? ERASED_PERSON : v));
            }
            mongo.insert(new NotificationDocument(ERASED_PERSON + "-" + UUID.randomUUID(), doc.eventId(),
                    doc.eventType(), doc.template(), null, doc.occurredAt(), doc.createdAt(), values, doc.times(),
                    doc.deliveries()));
            mongo.remove(Query.query(where("_id").is(doc.id())), NotificationDocument.class);
            count++;
        }
        return count;
    }

    /** The delivery log, newest first. */
    @Override
    public Page<DeliveryLog> page(int page, int size) {
        PageRequest pageable = PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")));
        long total = mongo.count(new Query(), NotificationDocument.class);
        return new PageImpl<>(mongo.find(new Query().with(pageable), NotificationDocument.class).stream()
                .map(NotificationDocument::toLog).toList(), pageable, total);
    }

    @Override
    public Optional<DeliveryLog> find(String notificationId) {
        return Optional.ofNullable(mongo.findById(notificationId, NotificationDocument.class))
                .map(NotificationDocument::toLog);
    }

    private static String path(Channel channel) {
        return "deliveries." + channel.name();
    }

    private static Notification toNotification(NotificationDocument doc) {
        return new Notification(doc.id(), doc.eventId(), doc.eventType(), doc.template(), doc.personId(),
                doc.occurredAt(), new TemplateParameters(doc.values(), doc.times()),
                doc.deliveries().keySet().stream().map(Channel::valueOf).collect(Collectors.toSet()));
    }
}
