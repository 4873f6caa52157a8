package org.civictaskforce.strategy.application;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Closes consultation rounds at their deadline, also when the service was down then: on start-up and
 * every {@code strategy.consultation.clock-interval} (default 30 s) it closes every open round whose
 * deadline has passed, and raises the one "closing soon" reminder for rounds due within 24 hours.
 * Safe with several replicas: each close is a versioned update of the round, so one replica wins and
 * one event is raised. A late comment is refused by the round itself even before the clock runs.
 */
@Component
public class ConsultationClock implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ConsultationClock.class);

    private final ConsultationService consultations;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public ConsultationClock(ConsultationService consultations,
            @Value("${strategy.consultation.clock-interval:PT30S}") Duration interval) {
        this.consultations = consultations;
        this.interval = interval;
    }

    /** One pass: close overdue rounds, then raise due reminders. */
    public void tick() {
        try {
            consultations.closeOverdue();
            consultations.remindClosingSoon();
        } catch (RuntimeException e) {
            log.warn("consultation clock pass failed ({}); next pass in {}", e.getClass().getSimpleName(), interval);
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "consultation-clock");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
