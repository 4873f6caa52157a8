package org.civictaskforce.membership.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets unanswered invitations lapse. The wire-compatible store has no TTL indexes (and a TTL would
 * delete, not transition), so a scheduled pass finds lapsed invitations through the
 * {@code invitation_expiry} index and expires each through the aggregate, which raises
 * {@code InvitationExpired} through the outbox. Safe with several replicas: each expiry re-checks
 * the state and saves under optimistic locking, so a person expires once.
 */
@Component
@ConditionalOnProperty(prefix = "membership.invitation-expiry", name = "enabled", havingValue = "true",
        matchIfMissing = true)
public class InvitationExpiry {
    private static final Logger log = LoggerFactory.getLogger(InvitationExpiry.class);
    private static final int BATCH = 200;

    private final PersonService people;
    private final Clock clock;

    public InvitationExpiry(PersonService people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${membership.invitation-expiry.interval:60s}",
            initialDelayString = "${membership.invitation-expiry.interval:60s}")
    public void run() {
        try {
            expireLapsed(clock.instant());
        } catch (RuntimeException e) {
            log.warn("invitation expiry pass failed, will retry: {}", e.getClass().getName());
        }
    }

    /** Expires every invitation lapsed at {@code now}; returns how many expired. */
    public int expireLapsed(Instant now) {
        int expired = 0;
        List<String> due;
        do {
            due = people.lapsedInvitations(now, BATCH);
            for (String personId : due) {
                if (people.expireIfLapsed(personId, now)) {
                    expired++;
                }
            }
        } while (due.size() == BATCH);
        if (expired > 0) {
            log.info("{} invitation(s) expired", expired);
        }
        return expired;
    }
}
