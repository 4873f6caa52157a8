package org.civictaskforce.identity.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.civictaskforce.identity.accounts.Account;
import org.civictaskforce.identity.accounts.AccountPrincipal;
import org.civictaskforce.identity.accounts.AccountStore;
import org.civictaskforce.identity.accounts.Usernames;
import org.civictaskforce.identity.audit.IdentityAudit;
import org.civictaskforce.identity.settings.IdentityProperties;
import org.civictaskforce.identity.secondfactor.SecondFactors;
import org.civictaskforce.platform.web.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Form sign-in against {@code accounts}, with brute-force lockout: after {@code identity.lockout.max-failures}
 * wrong passwords in a row the account refuses sign-in for {@code identity.lockout.duration}, whatever the
 * password. The sign-in page says the same for a wrong password, an unknown username and a locked account,
 * so it does not tell whether an account exists. For an account with an active second factor the form's
 * one-time code ({@link SignInDetails}) must be right too; a missing or wrong code is a failed sign-in like a
 * wrong password (same message, counts toward the lockout), so the page does not tell that the password was
 * right. Nothing here logs a username or a code.
 */
public class AccountSignIn implements AuthenticationProvider, UserDetailsService {
    private static final Logger log = LoggerFactory.getLogger(AccountSignIn.class);

    private final AccountStore accounts;
    private final IdentityAudit audit;
    private final Clock clock;
    private final IdentityProperties.Lockout lockout;
    private final DaoAuthenticationProvider passwords;
    private final SecondFactors secondFactors;

    public AccountSignIn(AccountStore accounts, PasswordEncoder encoder, IdentityAudit audit, Clock clock,
            IdentityProperties.Lockout lockout, SecondFactors secondFactors) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.audit = audit;
        this.clock = clock;
        this.lockout = lockout;
        this.passwords = new DaoAuthenticationProvider(this);
        this.passwords.setPasswordEncoder(encoder);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.byUsername(Usernames.normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return new AccountPrincipal(account, account.lockedAt(clock.instant()));
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (BadCredentialsException e) {
            failed(authentication.getName());
            throw e;
        }
        if (result != null && result.getPrincipal() instanceof AccountPrincipal principal) {
            String code = authentication.getDetails() instanceof SignInDetails details ? details.oneTimeCode() : null;
            if (!secondFactors.signInAllowed(principal.accountId(), code)) {
                failed(authentication.getName());
                throw new SecondFactorRefusedException();
            }
            accounts.recordSuccess(principal.accountId());
            return withoutCode(result);
        }
        return result;
    }

    /** A wrong password or one-time code: counts toward the lockout. */
    private void failed(String username) {
        Instant now = clock.instant();
        Optional<String> locked = accounts.recordFailure(Usernames.normalise(username), lockout.maxFailures(),
                now.plus(lockout.duration()));
        locked.ifPresent(id -> {
            log.warn("account {} locked for {} after {} failed sign-ins", id, lockout.duration(),
                    lockout.maxFailures());
            audit.record(IdentityAudit.ACCOUNT_LOCKED, AccountStore.COLLECTION, id, Actor.ANONYMOUS);
        });
    }

    /** The same authentication with plain web details: the one-time code is not kept with the session. */
    private static Authentication withoutCode(Authentication result) {
        if (!(result.getDetails() instanceof SignInDetails details)) {
            return result;
        }
        UsernamePasswordAuthenticationToken plain = UsernamePasswordAuthenticationToken.authenticated(
                result.getPrincipal(), null, result.getAuthorities());
        plain.setDetails(new WebAuthenticationDetails(details.getRemoteAddress(), details.getSessionId()));
        return plain;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
