package org.civictaskforce.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.TemplateParameters;
import org.civictaskforce.notification.application.ReminderStore.ClaimedReminder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Reminders before something happens (a meeting, a due date, a consultation deadline), generic over what
 * that is. Scheduling is an upsert per (subject, recipient, offset), so a redelivered event or a moved
 * meeting never makes two. A due reminder is claimed under a lease (replicas do not both fire it, a
 * dispatcher that died is replaced) and becomes a notification whose event id is
 * {@code reminder.<subject>.<offset>}: should it fire twice after a crash, the second notification
 * has the same id and is not recorded again. Reminders live in the database, so they survive restarts.
 */
@Service
public class Reminders {
    public static final List<Duration> BEFORE_MEETING = List.of(Duration.ofHours(24), Duration.ofHours(1));
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final ReminderStore reminders;
    private final NotificationIntake intake;
    private final Clock clock;

    public Reminders(ReminderStore reminders, NotificationIntake intake, Clock clock) {
        this.reminders = reminders;
        this.intake = intake;
        this.clock = clock;
    }

    /** One reminder per offset before {@code at}; those already past are not scheduled. */
    public void schedule(String subjectId, String personId, Instant at, List<Duration> offsets, String template,
            String eventType, Map<String, String> values, Map<String, Instant> times) {
        for (Duration offset : offsets) {
            Instant due = at.minus(offset);
            if (due.isAfter(clock.instant())) {
                reminders.schedule(subjectId, personId, offset, template, eventType, due, values, times);
            }
        }
    }

    /**
     * The subject moved to {@code at}: pending reminders move, those that fired for the old time are armed
     * again for the new one, and those now in the past are dropped.
     */
    public void move(String subjectId, String personId, Instant at, List<Duration> offsets, String template,
            String eventType, Map<String, String> values, Map<String, Instant> times) {
        for (Duration offset : offsets) {
            Instant due = at.minus(offset);
            if (due.isAfter(clock.instant())) {
                reminders.move(subjectId, personId, offset, template, eventType, due, values, times);
            } else {
                reminders.dropPending(subjectId, personId, offset);
            }
        }
    }

    /** The person will not attend: their pending reminders of the subject go. */
    public void drop(String subjectId, String personId) {
        reminders.dropPending(subjectId, personId);
    }

    /** The subject is off: every pending reminder of it goes. */
    public void drop(String subjectId) {
        reminders.dropPending(subjectId);
    }

    @Scheduled(fixedDelayString = "${notification.reminders.interval:10s}", scheduler = "remindersScheduler")
    public void fireScheduled() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            log.warn("reminder pass failed, will retry: {}", e.getClass().getName());
        }
    }

    /** @return how many reminders fired in this pass */
    public int fireDue() {
        int fired = 0;
        Optional<ClaimedReminder> claim;
        while ((claim = reminders.claimDue(clock.instant(), LEASE)).isPresent()) {
            var r = claim.get().reminder();
            intake.accept(List.of(Notification.of(r.eventId(), r.eventType(),
                    r.template(), r.personId(), r.dueAt(), new TemplateParameters(r.values(), r.times()),
                    EnumSet.of(Channel.EMAIL, Channel.INBOX))));
            if (reminders.markFired(claim.get(), clock.instant())) {
                log.info("reminder {} fired", r.id());
                fired++;
            }
        }
        return fired;
    }
}
