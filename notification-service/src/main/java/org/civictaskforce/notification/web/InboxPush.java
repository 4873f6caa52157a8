package org.civictaskforce.notification.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.civictaskforce.notification.application.InboxItemDelivered;
import org.civictaskforce.notification.persistence.InboxItemDocument;
import org.civictaskforce.notification.persistence.InboxStore;
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
        Instant since;
        Set<String> sentAtSince = new HashSet<>();
        Instant lastSent;

        Connection(SseEmitter emitter, Instant since) {
            this.emitter = emitter;
            this.since = since;
            this.lastSent = since;
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

    private void pushNow(String personId, Connection c) {
        try {
            for (InboxItemDocument item : inbox.createdSince(personId, c.since, 100)) {
                if (item.createdAt().equals(c.since) && c.sentAtSince.contains(item.id())) {
                    continue;
                }
                c.emitter.send(SseEmitter.event().name("inbox-item").id(item.id()).data(new InboxItemView(item.id(),
                        item.subject(), item.body(), item.language(), item.createdAt(), item.read()),
                        MediaType.APPLICATION_JSON));
                if (item.createdAt().isAfter(c.since)) {
                    c.since = item.createdAt();
                    c.sentAtSince = new HashSet<>();
                }
                c.sentAtSince.add(item.id());
                c.lastSent = clock.instant();
            }
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

    /** How many streams are open on this replica (for tests and metrics). */
    public int openStreams() {
        return connections.values().stream().mapToInt(List::size).sum();
    }
}
