package org.civictaskforce.notification.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.DeliveryLog;
import org.civictaskforce.notification.domain.Notification;
import org.springframework.data.domain.Page;

/**
 * Notifications and their per-channel delivery state. Every state change is a single-document
 * update; a dispatcher changes a delivery only while it holds the claim it made.
 */
public interface NotificationStore {
    /** A delivery claimed by one dispatcher: it alone may complete it, until {@code leaseUntil}. */
    record ClaimedDelivery(Notification notification, Channel channel, int attempts, Instant createdAt,
            String claimToken) {
    }

    /** @return false if this notification exists already (the event was handled before) */
    boolean insert(Notification notification, Instant now);

    /**
     * Claims one delivery of this channel that is due, or whose claim lapsed (its dispatcher died
     * mid-send). Atomic ({@code findAndModify}), so two replicas never hold the same delivery.
     */
    Optional<ClaimedDelivery> claimNext(Channel channel, Instant now, Duration lease);

    /**
     * Claims this notification's delivery on this channel if it is due (or its claim lapsed): how the
     * dispatcher's fast path takes a delivery it was just told about. Same rules as {@link #claimNext}.
     */
    Optional<ClaimedDelivery> claimOne(String notificationId, Channel channel, Instant now, Duration lease);

    /**
     * Claims one more due delivery of this person on this channel among those created before
     * {@code createdBefore}: how a daily digest gathers the e-mails it carries, each under its own claim.
     */
    Optional<ClaimedDelivery> claimNextOf(String personId, Channel channel, Instant createdBefore, Instant now,
            Duration lease);

    /** The recipient switched the channel off: final, not a failure, no attempt counted. */
    boolean markSkipped(ClaimedDelivery claim, String reason, Instant now);

    boolean markSent(ClaimedDelivery claim, Instant now);

    /** Sent, written in {@code language} (kept for the delivery log; null: not known). */
    boolean markSent(ClaimedDelivery claim, Instant now, String language);

    boolean markFailed(ClaimedDelivery claim, String reason, Instant now);

    /**
     * Puts a claimed delivery back in the queue until {@code nextAttemptAt}. {@code countAttempt}
     * false undoes the claim's attempt count (waiting for contact details is not a failed attempt).
     */
    boolean requeue(ClaimedDelivery claim, Instant nextAttemptAt, String reason, boolean countAttempt);

    /** Makes the person's waiting deliveries due now (their contact details just arrived). */
    void wakeQueuedOf(String personId, Instant now);

    /** Gives up the person's queued deliveries, e.g. because the person was erased. */
    void failQueuedOf(String personId, String reason, Instant now);

    /**
     * The person was erased: each of their notifications is re-filed under an anonymous id
     * ({@code erased-<random>}) without the person id (the old id, {@code <eventId>:<personId>}, named
     * them) and without any template value equal to their id, so the delivery log keeps its counts and
     * states but names nobody. Idempotent: a repeat finds nothing left.
     *
     * @return how many notifications were anonymised
     */
    long anonymiseAllOf(String personId);

    /** What stands in for an erased person's id. */
    String ERASED_PERSON = "erased";

    /** The delivery log, newest first. */
    Page<DeliveryLog> page(int page, int size);

    Optional<DeliveryLog> find(String notificationId);
}
