package org.civictaskforce.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.ContactWait;
import org.civictaskforce.notification.domain.EmailCadence;
import org.civictaskforce.notification.domain.FailureReason;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.Preferences;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.notification.domain.RenderedMessage;
import org.civictaskforce.notification.domain.RetryPolicy;
import org.civictaskforce.notification.application.NotificationStore.ClaimedDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.micrometer.context.ContextSnapshotFactory;

/**
 * Sends due deliveries. Each is claimed first (QUEUED → SENDING with a lease), so replicas share the
 * work without sending anything twice; a claim whose dispatcher died lapses and is taken up again.
 * A delivery whose recipient has no contact details yet waits for them, up to a limit; a failed one
 * is retried with back-off and finally marked FAILED with its reason.
 *
 * <p>Fast path: a notification is dispatched as soon as it is taken in ({@link NotificationQueued}), by a
 * bounded pool of its own threads ({@code notification.dispatch.workers}), each claiming that very delivery
 * under the same lease rules, so a race with the poll or another replica is decided by the store. The poll
 * ({@code notification.dispatch.interval}, on its own scheduler thread) stays as the safety net: it picks up
 * deferred and retried deliveries, other replicas' leftovers and what was queued before a restart, and it
 * drains a backlog with every worker at once. A full pool drops the hint; the poll sends it.
 */
@Service
public class DeliveryDispatcher implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

    private final NotificationStore notifications;
    private final RecipientStore recipients;
    private final PreferencesStore preferences;
    private final MessageRenderer renderer;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final NotificationMetrics metrics;
    private final DispatchProperties properties;
    private final RetryPolicy retry;
    private final ContactWait contactWait;
    private final Clock clock;
    private final int workerCount;
    private final ThreadPoolExecutor workers;

    public DeliveryDispatcher(NotificationStore notifications, RecipientStore recipients,
            PreferencesStore preferences, MessageRenderer renderer, List<ChannelSender> senders,
            NotificationMetrics metrics, DispatchProperties properties, Clock clock) {
        this(notifications, recipients, preferences, renderer, senders, metrics, properties, clock, 2);
    }

    @Autowired
    public DeliveryDispatcher(NotificationStore notifications, RecipientStore recipients,
            PreferencesStore preferences, MessageRenderer renderer, List<ChannelSender> senders,
            NotificationMetrics metrics, DispatchProperties properties, Clock clock,
            @Value("${notification.dispatch.workers:4}") int workerCount) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.preferences = preferences;
        this.renderer = renderer;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.metrics = metrics;
        this.properties = properties;
        this.retry = properties.retryPolicy();
        this.contactWait = properties.contactWaitPolicy();
        this.clock = clock;
        this.workerCount = Math.max(1, workerCount);
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(this.workerCount, this.workerCount, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(10_000), r -> {
                    Thread t = new Thread(r, "dispatch-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** The fast path: the new notification's deliveries are claimed and sent now, on the pool. */
    @EventListener
    public void onQueued(NotificationQueued queued) {
        Notification notification = queued.notification();
        for (Channel channel : notification.channels()) {
            if (!senders.containsKey(channel)) {
                continue;
            }
            try {
                // the trace of the event that queued it continues on the worker, down to the SMTP conversation
                Runnable dispatch = () -> dispatchOne(notification.id(), channel);
                workers.execute(CONTEXT.captureAll().wrap(dispatch));
            } catch (RejectedExecutionException full) {
                // the pool is saturated or stopping: the poll sends it
            }
        }
    }

    /** Claims and handles this one delivery if it is due and nobody holds it; returns whether it did. */
    public boolean dispatchOne(String notificationId, Channel channel) {
        try {
            Optional<ClaimedDelivery> claim = notifications.claimOne(notificationId, channel, clock.instant(),
                    properties.lease());
            claim.ifPresent(this::handle);
            return claim.isPresent();
        } catch (RuntimeException e) {
            log.warn("dispatching notification {} via {} failed, the poll retries: {}", notificationId, channel,
                    e.getClass().getName());
            return false;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** The safety net: one pass per worker at once, so a backlog drains in parallel; waits for them. */
    @Scheduled(fixedDelayString = "${notification.dispatch.interval:1s}",
            initialDelayString = "${notification.dispatch.interval:1s}", scheduler = "dispatchScheduler")
    public void dispatchScheduled() {
        List<Callable<Integer>> passes = new ArrayList<>();
        for (int i = 0; i < workerCount; i++) {
            passes.add(this::dispatchDue);
        }
        try {
            for (Future<Integer> pass : workers.invokeAll(passes)) {
                pass.get();
            }
        } catch (RejectedExecutionException e) {
            dispatchDueSafely();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("dispatch pass failed, will retry: {}", e.getCause().getClass().getName());
        }
    }

    private void dispatchDueSafely() {
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
        String personId = claim.notification().personId();
        Preferences wishes = preferences.of(personId);
        if (!wishes.enabled(channel)) {
            if (notifications.markSkipped(claim, Preferences.SWITCHED_OFF, clock.instant())) {
                log.info("notification {} not sent via {}: switched off by the recipient", id, channel);
            }
            return;
        }
        Optional<Recipient> recipient = recipients.find(personId);
        if (recipient.isEmpty()) {
            awaitContact(claim);
            return;
        }
        if (channel == Channel.EMAIL) {
            ZoneId zone = wishes.zone(recipient.get().timeZone());
            Optional<Preferences.Deferral> deferral = wishes.emailDeferral(claim.createdAt(), clock.instant(), zone);
            if (deferral.isPresent()) {
                notifications.requeue(claim, deferral.get().until(), deferral.get().reason(), false);
                return;
            }
            if (wishes.emailCadence() == EmailCadence.DAILY_DIGEST) {
                sendDigest(claim, recipient.get(), wishes, zone);
                return;
            }
        }
        RenderedMessage message;
        try {
            message = renderer.render(claim.notification(), recipient.get());
            senders.get(channel).deliver(claim.notification(), recipient.get(), message);
        } catch (NotWantedException e) {
            if (notifications.markSkipped(claim, e.getMessage(), clock.instant())) {
                log.info("notification {} not sent via {}: {}", id, channel, e.getMessage());
            }
            return;
        } catch (Exception e) {
            failed(claim, FailureReason.of(channel + " delivery failed", e));
            return;
        }
        sent(claim, message.language());
    }

    private void sent(ClaimedDelivery claim, String language) {
        Instant now = clock.instant();
        if (notifications.markSent(claim, now, language)) {
            metrics.sent(claim.channel(), claim.notification().occurredAt(), now);
            log.info("notification {} delivered via {} (attempt {})", claim.notification().id(), claim.channel(),
                    claim.attempts());
        } else {
            log.warn("notification {} delivered via {} after its claim lapsed", claim.notification().id(),
                    claim.channel());
        }
    }

    /**
     * Today's digest: this e-mail and every other due one of the person queued before today's digest
     * time, each claimed, written into one e-mail named after the person and the day.
     */
    private void sendDigest(ClaimedDelivery first, Recipient recipient, Preferences wishes, ZoneId zone) {
        Instant now = clock.instant();
        Instant slot = wishes.digestSlotAtOrBefore(now, zone);
        List<ClaimedDelivery> claims = new ArrayList<>(List.of(first));
        while (claims.size() < properties.batchSize()) {
            Optional<ClaimedDelivery> more = notifications.claimNextOf(recipient.personId(), Channel.EMAIL, slot, now,
                    properties.lease());
            if (more.isEmpty()) {
                break;
            }
            claims.add(more.get());
        }
        List<ClaimedDelivery> included = new ArrayList<>();
        List<RenderedMessage> messages = new ArrayList<>();
        for (ClaimedDelivery claim : claims) {
            try {
                messages.add(renderer.render(claim.notification(), recipient));
                included.add(claim);
            } catch (RuntimeException e) {
                failed(claim, FailureReason.of("EMAIL digest entry could not be written", e));
            }
        }
        if (included.isEmpty()) {
            return;
        }
        LocalDate day = wishes.digestDay(slot, zone);
        String digestId = "digest." + recipient.personId() + "." + day;
        RenderedMessage digest;
        try {
            digest = renderer.renderDigest(recipient, day, messages);
            senders.get(Channel.EMAIL).deliverDigest(digestId, recipient, digest);
        } catch (Exception e) {
            String reason = FailureReason.of("EMAIL digest delivery failed", e);
            included.forEach(claim -> failed(claim, reason));
            return;
        }
        log.info("digest {} delivered with {} notifications", digestId, included.size());
        included.forEach(claim -> sent(claim, digest.language()));
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
