package org.civictaskforce.identity.config;

import java.time.Clock;

import org.civictaskforce.identity.accounts.AccountStore;
import org.civictaskforce.identity.audit.IdentityAudit;
import org.civictaskforce.identity.authorizations.MongoAuthorizationService;
import org.civictaskforce.identity.enrolment.Enrolments;
import org.civictaskforce.identity.keys.SigningKeys;
import org.civictaskforce.identity.membership.AccountService;
import org.civictaskforce.identity.membership.MembershipEventsListener;
import org.civictaskforce.identity.membership.PersonRoles;
import org.civictaskforce.identity.secondfactor.SecondFactors;
import org.civictaskforce.identity.secondfactor.SecretCipher;
import org.civictaskforce.identity.settings.IdentityProperties;
import org.civictaskforce.identity.signin.AccountSignIn;
import org.civictaskforce.identity.signin.SignInSessions;
import org.civictaskforce.platform.audit.AuditLog;
import org.civictaskforce.platform.messaging.IdempotentProjection;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The service's own parts: stores, sign-in, enrolment, the membership projection. */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today; hashes carry their {id}, so a later switch to argon2 keeps old hashes readable
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SigningKeys signingKeys(MongoTemplate mongo, Clock clock) {
        return new SigningKeys(mongo, clock);
    }

    @Bean
    IdentityAudit identityAudit(AuditLog auditLog, Clock clock) {
        return new IdentityAudit(auditLog, clock);
    }

    @Bean
    AccountStore accountStore(MongoTemplate mongo) {
        return new AccountStore(mongo);
    }

    @Bean
    PersonRoles personRoles(MongoTemplate mongo, IdempotentProjection projection) {
        return new PersonRoles(mongo, projection);
    }

    @Bean
    Enrolments enrolments(MongoTemplate mongo, AccountStore accounts, PasswordEncoder encoder, IdentityAudit audit,
            Clock clock, IdentityProperties properties) {
        return new Enrolments(mongo, accounts, encoder, audit, clock, properties.issuer(),
                properties.enrolment().validity());
    }

    @Bean
    AccountService accountService(AccountStore accounts, PersonRoles personRoles, Enrolments enrolments,
            PasswordEncoder encoder, IdentityAudit audit, Clock clock, MongoAuthorizationService authorizations,
            SignInSessions signInSessions) {
        return new AccountService(accounts, personRoles, enrolments, encoder, audit, clock, authorizations,
                signInSessions);
    }

    /**
     * Expired authorizations and sign-in sessions go every few minutes (TTL indexes do it on real MongoDB; the local
     * store has none).
     */
    @Bean(destroyMethod = "shutdownNow")
    java.util.concurrent.ScheduledExecutorService storeCleanUp(MongoAuthorizationService authorizations,
            SignInSessions signInSessions, IdentityProperties properties) {
        java.util.concurrent.ScheduledExecutorService executor = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "store-clean-up");
                    thread.setDaemon(true);
                    return thread;
                });
        long every = properties.tokens().authorizationsCleanUp().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                long authorizationsRemoved = authorizations.removeExpired();
                long sessionsRemoved = signInSessions.removeExpired();
                if (authorizationsRemoved + sessionsRemoved > 0) {
                    log.debug("{} expired authorizations and {} expired sign-in sessions removed",
                            authorizationsRemoved, sessionsRemoved);
                }
            } catch (RuntimeException e) {
                log.warn("removing expired authorizations and sessions failed, will retry: {}", e.getClass().getName());
            }
        }, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        return executor;
    }

    @Bean
    SecondFactors secondFactors(AccountStore accounts, IdentityAudit audit, Clock clock, IdentityProperties properties,
            PasswordEncoder encoder) {
        SecretCipher cipher = new SecretCipher(properties.secondFactor().encryptionKey());
        if (!cipher.encrypts()) {
            log.warn("identity.second-factor.encryption-key is not set: second-factor secrets are stored unencrypted");
        }
        return new SecondFactors(accounts, cipher, audit, clock, properties.lockout(), encoder);
    }

    @Bean
    AccountSignIn accountSignIn(AccountStore accounts, PasswordEncoder encoder, IdentityAudit audit, Clock clock,
            IdentityProperties properties, SecondFactors secondFactors) {
        return new AccountSignIn(accounts, encoder, audit, clock, properties.lockout(), secondFactors);
    }

    @Bean
    MembershipEventsListener membershipEvents(PersonRoles roles, AccountService accounts) {
        return new MembershipEventsListener(roles, accounts);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> bootstrapCoordinator(AccountService accounts,
            IdentityProperties properties) {
        return event -> accounts.ensureBootstrapCoordinator(properties.bootstrap());
    }
}
