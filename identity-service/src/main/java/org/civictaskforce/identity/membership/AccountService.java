package org.civictaskforce.identity.membership;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.civictaskforce.identity.accounts.Account;
import org.civictaskforce.identity.accounts.AccountStore;
import org.civictaskforce.identity.accounts.Passwords;
import org.civictaskforce.identity.accounts.UsernameTakenException;
import org.civictaskforce.identity.accounts.Usernames;
import org.civictaskforce.identity.audit.IdentityAudit;
import org.civictaskforce.identity.authorizations.MongoAuthorizationService;
import org.civictaskforce.identity.signin.SignInSessions;
import org.civictaskforce.identity.settings.IdentityProperties;
import org.civictaskforce.identity.enrolment.Enrolments;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.platform.web.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Account lifecycle beyond enrolment: the bootstrap coordinator, roles for a token, disabling, erasure. */
public class AccountService {
    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountStore accounts;
    private final PersonRoles personRoles;
    private final Enrolments enrolments;
    private final PasswordEncoder encoder;
    private final IdentityAudit audit;
    private final Clock clock;
    private final SignInSessions signInSessions;
    private final MongoAuthorizationService authorizations;

    public AccountService(AccountStore accounts, PersonRoles personRoles, Enrolments enrolments,
            PasswordEncoder encoder, IdentityAudit audit, Clock clock, MongoAuthorizationService authorizations,
            SignInSessions signInSessions) {
        this.authorizations = authorizations;
        this.signInSessions = signInSessions;
        this.accounts = accounts;
        this.personRoles = personRoles;
        this.enrolments = enrolments;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates the bootstrap coordinator once: an account without a person, static role {@code coordinator}.
     * If an account with that username exists nothing changes (its password is not reset).
     *
     * @return true if the account was created now
     */
    public boolean ensureBootstrapCoordinator(IdentityProperties.Bootstrap bootstrap) {
        if (!bootstrap.configured()) {
            return false;
        }
        String username = Usernames.normalise(bootstrap.username());
        if (!Usernames.valid(username)) {
            throw new IllegalStateException("identity.bootstrap.username must be 3 to 64 letters, digits, . _ - or @");
        }
        if (Passwords.problem(bootstrap.password(), null) != null) {
            throw new IllegalStateException("identity.bootstrap.password: " + Passwords.problem(bootstrap.password(), null));
        }
        if (accounts.byUsername(username).isPresent()) {
            return false;
        }
        try {
            Account created = accounts.create(username, encoder.encode(bootstrap.password()), null,
                    List.of(Roles.COORDINATOR), clock.instant());
            audit.record(IdentityAudit.ACCOUNT_CREATED, AccountStore.COLLECTION, created.id(), Actor.SYSTEM);
            log.info("bootstrap coordinator account {} created", created.id());
            return true;
        } catch (UsernameTakenException e) {
            return false; // another replica was faster
        }
    }

    /** The roles a token for {@code subject} carries: static roles ∪ membership roles if active; empty if unknown. */
    public Optional<List<String>> rolesOf(String subject) {
        return accounts.bySubject(subject).map(account -> {
            java.util.List<String> all = new java.util.ArrayList<>(account.staticRoles());
            if (account.personId() != null) {
                all.addAll(personRoles.activeRoles(account.personId()));
            }
            return Roles.normalise(all);
        });
    }

    /** Disables sign-in for the person: the account and any pending enrolment link go. */
    public void delete(String personId, String actor) {
        Account deleted = accounts.deleteByPersonId(personId)
                .orElseThrow(() -> new NotFoundException("Account of person", personId));
        enrolments.erase(personId);
        authorizations.removeAllOf(personId, deleted.id());
        signInSessions.endAllOf(personId, deleted.id());
        audit.record(IdentityAudit.ACCOUNT_DELETED, AccountStore.COLLECTION, deleted.id(), actor);
    }

    /**
     * The person was erased: roles, account, enrolment link, every stored authorization (tokens, session
     * ids, remote addresses) and sign-in session go.
     */
    public void erase(String personId) {
        personRoles.erase(personId);
        enrolments.erase(personId);
        Optional<Account> deleted = accounts.deleteByPersonId(personId);
        deleted.ifPresent(account -> audit.record(IdentityAudit.ACCOUNT_DELETED, AccountStore.COLLECTION,
                account.id(), Actor.SYSTEM));
        authorizations.removeAllOf(personId, deleted.map(Account::id).orElse(null));
        signInSessions.endAllOf(personId, deleted.map(Account::id).orElse(null));
    }
}
