package org.civictaskforce.identity.audit;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.civictaskforce.platform.audit.AuditLog;
import org.civictaskforce.platform.outbox.OutboxEvent;
import org.civictaskforce.platform.web.Actor;
import org.civictaskforce.platform.web.CorrelationId;

/**
 * Writes identity facts into the kit's {@code audit_log} (identity-service publishes no events, so nothing
 * else would): account created, enrolment issued / completed, lockout, account deleted, second factor enabled / disabled /
 * a wrong one-time code. Ids only: the
 * subject is an account or person id, the actor a token subject, never a username.
 */
public class IdentityAudit {
    public static final String ACCOUNT_CREATED = "org.civictaskforce.identity.account.created";
    public static final String PASSWORD_RESET = "org.civictaskforce.identity.account.password-reset";
    public static final String ACCOUNT_LOCKED = "org.civictaskforce.identity.account.locked";
    public static final String ACCOUNT_DELETED = "org.civictaskforce.identity.account.deleted";
    public static final String SECOND_FACTOR_ENABLED = "org.civictaskforce.identity.account.second-factor-enabled";
    public static final String SECOND_FACTOR_DISABLED = "org.civictaskforce.identity.account.second-factor-disabled";
    public static final String SECOND_FACTOR_FAILED = "org.civictaskforce.identity.account.second-factor-failed";
    public static final String RECOVERY_CODE_USED = "org.civictaskforce.identity.account.recovery-code-used";
    public static final String ENROLMENT_ISSUED = "org.civictaskforce.identity.enrolment.issued";
    public static final String ENROLMENT_COMPLETED = "org.civictaskforce.identity.enrolment.completed";

    private static final String SOURCE = "/identity-service";

    private final AuditLog log;
    private final Clock clock;

    public IdentityAudit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void record(String type, String collection, String subject, String actor) {
        OutboxEvent fact = new OutboxEvent(UUID.randomUUID().toString(), type, SOURCE, subject, clock.instant(), 1,
                CorrelationId.currentOrNew(), "{}", Actor.sanitise(actor));
        log.append(collection, List.of(fact), clock.instant());
    }
}
