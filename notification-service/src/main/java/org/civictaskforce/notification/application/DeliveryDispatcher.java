package org.civictaskforce.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.ContactWait;
import org.civictaskforce.notification.domain.FailureReason;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.notification.domain.RenderedMessage;
import org.civictaskforce.notification.domain.RetryPolicy;
import org.civictaskforce.notification.persistence.NotificationStore;
import org.civictaskforce.notification.persistence.NotificationStore.ClaimedDelivery;
import org.civictaskforce.notification.persistence.RecipientStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sends due deliveries. Each is claimed first (QUEUED → SENDING with a lease), so replicas share the
 * work without sending anything twice; a claim whose dispatcher died lapses and is taken up again.
 * A delivery whose recipient has no contact details yet waits for them, up to a limit; a failed one
 * is retried with back-off and finally marked FAILED with its reason.
 */
@Service
public class DeliveryDispatcher {
    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final NotificationStore notifications;
    private final RecipientStore recipients;
    private final MessageRenderer renderer;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final NotificationMetrics metrics;
    private final DispatchProperties properties;
    private final RetryPolicy retry;
    private final ContactWait contactWait;
    private final Clock clock;

    public DeliveryDispatcher(NotificationStore notifications, RecipientStore recipients, MessageRenderer renderer,
            List<ChannelSender> senders, NotificationMetrics metrics, DispatchProperties properties, Clock clock) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.renderer = renderer;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.metrics = metrics;
        this.properties = properties;
        this.retry = properties.retryPolicy();
        this.contactWait = properties.contactWaitPolicy();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${notification.dispatch.interval:1s}",
            initialDelayString = "${notification.dispatch.interval:1s}")
    public void dispatchScheduled() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("dispatch pass failed, will retry: {}", e.getClass().getName());
        }
    }

    /** One pass: up to a batch per channel. Returns how many deliveries were handled. */
    public int dispatchDue() {
        int handled = 0;
        for (Channel channel : senders.keySet()) {
            for (int i = 0; i < properties.batchSize(); i++) {
                Optional<ClaimedDelivery> claim = notifications.claimNext(channel, clock.instant(), properties.lease());
                if (claim.isEmpty()) {
                    break;
                }
                handle(claim.get());
                handled++;
            }
        }
        return handled;
    }

    private void handle(ClaimedDelivery claim) {
        String id = claim.notification().id();
        Channel channel = claim.channel();
        Optional<Recipient> recipient = recipients.find(claim.notification().personId());
        if (recipient.isEmpty()) {
            awaitContact(claim);
            return;
        }
        try {
            RenderedMessage message = renderer.render(claim.notification(), recipient.get());
            senders.get(channel).deliver(claim.notification(), recipient.get(), message);
        } catch (Exception e) {
            failed(claim, FailureReason.of(channel + " delivery failed", e));
            return;
        }
        Instant now = clock.instant();
        if (notifications.markSent(claim, now)) {
            metrics.sent(channel, claim.notification().occurredAt(), now);
            log.info("notification {} delivered via {} (attempt {})", id, channel, claim.attempts());
        } else {
            log.warn("notification {} delivered via {} after its claim lapsed", id, channel);
        }
    }

    private void awaitContact(ClaimedDelivery claim) {
        Instant now = clock.instant();
        if (contactWait.stillWaiting(claim.createdAt(), now)) {
            notifications.requeue(claim, now.plus(properties.contactPoll()), ContactWait.WAITING, false);
            // the contact may have arrived (and its wake-up passed us by) while this delivery was claimed
            String personId = claim.notification().personId();
            if (recipients.find(personId).isPresent()) {
                notifications.wakeQueuedOf(personId, clock.instant());
            }
        } else if (notifications.markFailed(claim, ContactWait.GAVE_UP, now)) {
            metrics.failed(claim.channel());
            log.warn("notification {} via {} failed: {}", claim.notification().id(), claim.channel(),
                    ContactWait.GAVE_UP);
        }
    }

    private void failed(ClaimedDelivery claim, String reason) {
        Instant now = clock.instant();
        Optional<Instant> next = retry.nextAttempt(claim.attempts(), now);
        if (next.isPresent()) {
            notifications.requeue(claim, next.get(), reason, true);
            log.warn("notification {} via {} attempt {} failed, retrying at {}: {}", claim.notification().id(),
                    claim.channel(), claim.attempts(), next.get(), reason);
        } else if (notifications.markFailed(claim, reason, now)) {
            metrics.failed(claim.channel());
            log.warn("notification {} via {} failed after {} attempts: {}", claim.notification().id(),
                    claim.channel(), claim.attempts(), reason);
        }
    }
}
