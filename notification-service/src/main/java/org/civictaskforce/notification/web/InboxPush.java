package org.civictaskforce.notification.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.civictaskforce.notification.application.InboxItemDelivered;
import org.civictaskforce.notification.domain.InboxItem;
import org.civictaskforce.notification.application.InboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live push of inbox items over server-sent events. An item this replica delivers is pushed as soon as it
 * is stored ({@link InboxItemDelivered}); for items delivered by another replica (the store has no change
 * streams) each replica also watches the inbox collection for the people connected to it, every
 * {@code notification.inbox.push-interval}. Each new item is sent once per connection. Events: {@code unread} ({@code {"unreadCount":n}}) on connect, {@code inbox-item} (an
 * {@link InboxItemView}) per new item, and a comment line as heartbeat so proxies keep the stream open.
 *
 * <p>When the application shuts down, every open stream is ended first (this lifecycle's phase comes before the
 * web server's graceful shutdown): a stream never ends by itself, so graceful shutdown would otherwise wait for
 * it until {@code spring.lifecycle.timeout-per-shutdown-phase} runs out, time taken from the phases after it
 * (the dispatcher's in-flight deliveries). Clients reconnect, to a replica that is still running.
 */
@Component
public class InboxPush implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(InboxPush.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /**
     * How much later than its {@code createdAt} an item may become visible in the store: the time between a worker
     * stamping it and the insert, under load and pauses. Items stamped longer before are still in the person's
     * list, but not pushed.
     */
    static final Duration LOOK_BACK = Duration.ofSeconds(10);
    private static final int PAGE = 100;

    private final InboxStore inbox;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, List<Connection>> connections = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean stopping;

    public InboxPush(InboxStore inbox, Clock clock,
            @Value("${notification.inbox.stream-timeout:30m}") Duration timeout) {
        this.inbox = inbox;
        this.clock = clock;
        this.timeout = timeout;
    }

    private static final class Connection {
        final SseEmitter emitter;
        /** Items created before the stream opened are the list's, not the stream's. */
        final Instant openedAt;
        /** The newest {@code createdAt} pushed so far. */
        Instant newest;
        /** Items pushed, by id, with their {@code createdAt}: those within {@link #LOOK_BACK} of {@link #newest}. */
        final Map<String, Instant> sent = new HashMap<>();
        Instant lastSent;

        Connection(SseEmitter emitter, Instant openedAt) {
            this.emitter = emitter;
            this.openedAt = openedAt;
            this.newest = openedAt;
            this.lastSent = openedAt;
        }
    }

    public SseEmitter connect(String personId) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Connection connection = new Connection(emitter, clock.instant());
        connections.computeIfAbsent(personId, p -> new CopyOnWriteArrayList<>()).add(connection);
        Runnable remove = () -> connections.computeIfPresent(personId, (p, list) -> {
            list.remove(connection);
            return list.isEmpty() ? null : list;
        });
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        if (stopping) {
            // opened while stop() ends the others: ended at once too, and removed here, because an emitter
            // completed before it is returned never calls its completion callback
            remove.run();
            end(connection);
            return emitter;
        }
        try {
            emitter.send(SseEmitter.event().name("unread")
                    .data(Map.of("unreadCount", inbox.unreadCount(personId)), MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    /** For deliveries made by other replicas (this replica's own are pushed as they complete). */
    @Scheduled(fixedDelayString = "${notification.inbox.push-interval:2s}", scheduler = "inboxPushScheduler")
    public void push() {
        connections.forEach((personId, list) -> list.forEach(c -> push(personId, c)));
    }

    /** An inbox item for this person was stored by this replica: push it to their open streams now. */
    @EventListener
    public void onDelivered(InboxItemDelivered delivered) {
        List<Connection> open = connections.get(delivered.personId());
        if (open != null) {
            open.forEach(c -> push(delivered.personId(), c));
        }
    }

    private void push(String personId, Connection c) {
        // the poll's thread and the dispatcher's workers may push to one connection at once
        synchronized (c) {
            pushNow(personId, c);
        }
    }

    /**
     * Sends what this connection has not had yet. An item's {@code createdAt} is stamped before it is stored, so
     * with several workers (and replicas) an item may become visible after a newer one was already pushed: each
     * pass therefore reads again from {@link #LOOK_BACK} before the newest item pushed, and skips what it sent.
     */
    private void pushNow(String personId, Connection c) {
        try {
            Instant from = later(c.openedAt, c.newest.minus(LOOK_BACK));
            while (true) {
                List<InboxItem> page = inbox.createdSince(personId, from, PAGE);
                for (InboxItem item : page) {
                    if (c.sent.containsKey(item.id())) {
                        continue;
                    }
                    c.emitter.send(SseEmitter.event().name("inbox-item").id(item.id()).data(new InboxItemView(
                            item.id(), item.subject(), item.body(), item.language(), item.createdAt(), item.read()),
                            MediaType.APPLICATION_JSON));
                    c.sent.put(item.id(), item.createdAt());
                    c.newest = later(c.newest, item.createdAt());
                    c.lastSent = clock.instant();
                }
                Instant last = page.isEmpty() ? from : page.get(page.size() - 1).createdAt();
                if (page.size() < PAGE || !last.isAfter(from)) {
                    break;
                }
                from = last;
            }
            Instant forget = c.newest.minus(LOOK_BACK);
            c.sent.values().removeIf(createdAt -> createdAt.isBefore(forget));
            if (Duration.between(c.lastSent, clock.instant()).compareTo(HEARTBEAT) >= 0) {
                c.emitter.send(SseEmitter.event().comment("keep-alive"));
                c.lastSent = clock.instant();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; completing the emitter removes the connection
            c.emitter.completeWithError(e);
        } catch (RuntimeException e) {
            log.warn("inbox push for person {} failed: {}", personId, e.getClass().getName());
        }
    }

    /** Ends every open stream: the application is shutting down. */
    @Override
    public void stop() {
        stopping = true;
        running = false;
        connections.values().forEach(list -> list.forEach(InboxPush::end));
        connections.clear(); // a stream still being opened has no completion callback yet
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) begins. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private static void end(Connection c) {
        try {
            c.emitter.complete();
        } catch (RuntimeException e) {
            // already completed or failed: nothing left to end
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** How many streams are open on this replica (for tests and metrics). */
    public int openStreams() {
        return connections.values().stream().mapToInt(List::size).sum();
    }
}
