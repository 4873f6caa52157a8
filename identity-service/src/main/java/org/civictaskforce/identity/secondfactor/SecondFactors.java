package org.civictaskforce.identity.secondfactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.civictaskforce.identity.accounts.Account;
import org.civictaskforce.identity.accounts.AccountStore;
import org.civictaskforce.identity.accounts.AccountStore.StoredSecondFactor;
import org.civictaskforce.identity.audit.IdentityAudit;
import org.civictaskforce.identity.settings.IdentityProperties;
import org.civictaskforce.platform.problem.ConflictException;
import org.civictaskforce.platform.problem.DomainRuleException;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.platform.web.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The opt-in second factor: a TOTP secret (20 random bytes) per account. Set up in two steps, so a person is
 * never required to type codes from an app that did not take the secret: {@link #begin} stores it pending,
 * {@link #confirm} with a right code makes it required at sign-in. Every accepted code uses up its time step
 * (stored as {@code lastStep}), so a code works once. Nothing here logs a code, a secret or a username.
 */
public class SecondFactors {
    public static final String ISSUER = "Civic Taskforce";
    private static final Logger log = LoggerFactory.getLogger(SecondFactors.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 20;
    static final String WRONG_CODE = "The one-time code is wrong or was already used.";
    static final String LOCKED = "Too many failed attempts: the account is locked for now. Try again later.";

    /** What the person adds to their authenticator app. */
    public record Setup(String secret, String otpauthUri) {
    }

    /** Where the account stands: off, set up but not confirmed, or on (required at sign-in). */
    public enum State {
        OFF, PENDING, ON
    }

    /** The state and, when on, how many recovery codes are left. */
    public record Status(State state, int recoveryCodesLeft) {
    }

    /**
     * One-time codes for the day the phone is lost, shown once: each signs in once in place of a code from the
     * app. Only a salted SHA-256 of each is stored (80 random bits each, so the hash cannot be searched back).
     */
    public record RecoveryCodes(List<String> recoveryCodes) {
    }

    static final int RECOVERY_CODE_COUNT = 10;
    private static final char[] RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final AccountStore accounts;
    private final SecretCipher cipher;
    private final IdentityAudit audit;
    private final Clock clock;
    private final IdentityProperties.Lockout lockout;
    private final PasswordEncoder passwords;

    public SecondFactors(AccountStore accounts, SecretCipher cipher, IdentityAudit audit, Clock clock,
            IdentityProperties.Lockout lockout, PasswordEncoder passwords) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.lockout = lockout;
    }

    /**
     * A new pending secret for the subject's account (replacing a pending one).
     *
     * @throws ConflictException if a second factor is already active
     */
    public Setup begin(String subject) {
        Account account = account(subject);
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        if (!accounts.setPendingSecondFactor(account.id(), cipher.seal(secret, account.id()), clock.instant())) {
            throw new ConflictException("A second factor is already active; remove it first.");
        }
        String encoded = Base32.encode(secret);
        String issuer = uriEncode(ISSUER);
        return new Setup(encoded, "otpauth://totp/" + issuer + ":" + uriEncode(subject) + "?secret=" + encoded
                + "&issuer=" + issuer);
    }

    /**
     * Makes the pending second factor required. Needs the account's password as well as a code: an access
     * token alone (stolen from a device, say) must not be enough to tie the account to someone else's
     * authenticator and lock its owner out. A wrong password counts toward the lockout.
     *
     * @throws NotFoundException if nothing is pending
     * @throws ConflictException if it is already active
     * @throws DomainRuleException for a wrong password, a wrong (or used) code, or a locked account
     */
    public RecoveryCodes confirm(String subject, String code, String password) {
        Account account = account(subject);
        if (account.lockedAt(clock.instant())) {
            throw new DomainRuleException(LOCKED);
        }
        // nothing to confirm: answered before the password is looked at, so wrong passwords sent with a stolen
        // token cannot lock the owner out (they count toward the lockout only when a set-up is pending)
        StoredSecondFactor factor = accounts.secondFactor(account.id())
                .orElseThrow(() -> new NotFoundException("Pending second factor of", subject));
        if (factor.active()) {
            throw new ConflictException("The second factor is already active.");
        }
        if (password == null || !passwords.matches(password, account.passwordHash())) {
            failed(account.id(), subject);
            throw new DomainRuleException("The password is wrong.");
        }
        OptionalLong step = Totp.match(cipher.open(factor.sealedSecret(), account.id()), code, clock.instant(),
                factor.lastStep());
        if (step.isEmpty() || !accounts.activateSecondFactor(account.id(), factor.sealedSecret(), step.getAsLong(),
                clock.instant())) {
            throw new DomainRuleException(WRONG_CODE);
        }
        audit.record(IdentityAudit.SECOND_FACTOR_ENABLED, AccountStore.COLLECTION, account.id(), subject);
        log.info("second factor enabled for account {}", account.id());
        return newRecoveryCodes(account.id(), factor.sealedSecret());
    }

    /** Where the subject's account stands (nothing secret). */
    public Status status(String subject) {
        Account account = account(subject);
        return accounts.secondFactor(account.id())
                .map(f -> new Status(f.active() ? State.ON : State.PENDING, f.active() ? f.recoveryCodesLeft() : 0))
                .orElse(new Status(State.OFF, 0));
    }

    /**
     * New recovery codes in place of the old ones, given a current code from the app (an access token alone must
     * not be enough to obtain a way in). A wrong code counts toward the lockout.
     *
     * @throws NotFoundException if no second factor is active
     * @throws DomainRuleException for a wrong (or used) code, or a locked account
     */
    public RecoveryCodes renewRecoveryCodes(String subject, String code) {
        Account account = account(subject);
        StoredSecondFactor factor = accounts.secondFactor(account.id()).filter(StoredSecondFactor::active)
                .orElseThrow(() -> new NotFoundException("Active second factor of", subject));
        useCurrentCode(account, factor, subject, code);
        log.info("recovery codes renewed for account {}", account.id());
        return newRecoveryCodes(account.id(), factor.sealedSecret());
    }

    private RecoveryCodes newRecoveryCodes(String accountId, String sealedSecret) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODE_COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 16; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET[RANDOM.nextInt(RECOVERY_ALPHABET.length)]);
            }
            codes.add(code.toString());
        }
        if (!accounts.setRecoveryCodes(accountId, sealedSecret, codes.stream().map(c -> recoveryHash(accountId, c)).toList())) {
            throw new ConflictException("The second factor changed in the meantime; try again.");
        }
        return new RecoveryCodes(List.copyOf(codes));
    }

    /** The stored form of a recovery code: typed with or without dashes and spaces, in either case. */
    static String recoveryHash(String accountId, String code) {
        String normalised = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accountId + ":" + normalised).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Removes the second factor (active or pending), given a current code. A wrong code counts toward the lockout,
     * so a stolen access token is no way to guess codes; while the account is locked nothing is removed.
     *
     * @throws NotFoundException if the account has none
     * @throws DomainRuleException for a wrong (or used) code, or a locked account
     */
    public void disable(String subject, String code) {
        Account account = account(subject);
        StoredSecondFactor factor = accounts.secondFactor(account.id())
                .orElseThrow(() -> new NotFoundException("Second factor of", subject));
        useCurrentCode(account, factor, subject, code);
        accounts.removeSecondFactor(account.id(), factor.sealedSecret());
        audit.record(IdentityAudit.SECOND_FACTOR_DISABLED, AccountStore.COLLECTION, account.id(), subject);
        log.info("second factor removed from account {}", account.id());
    }

    /**
     * For sign-in, after the password was right: true if the account requires no code, or {@code code} is a
     * right one not used before (it is used up now). A wrong or missing code is audited; counting it toward the
     * lockout is the caller's part, as for a wrong password.
     */
    public boolean signInAllowed(String accountId, String code) {
        Optional<StoredSecondFactor> factor = accounts.secondFactor(accountId).filter(StoredSecondFactor::active);
        if (factor.isEmpty()) {
            return true;
        }
        OptionalLong step = Totp.match(cipher.open(factor.get().sealedSecret(), accountId), code, clock.instant(),
                factor.get().lastStep());
        if (step.isPresent() && accounts.useSecondFactorStep(accountId, factor.get().sealedSecret(), step.getAsLong())) {
            return true;
        }
        // a recovery code in place of the app's code (longer than any app code, so never mistaken for one)
        if (code != null && code.length() >= 16 && code.length() <= 40
                && accounts.useRecoveryCode(accountId, recoveryHash(accountId, code))) {
            audit.record(IdentityAudit.RECOVERY_CODE_USED, AccountStore.COLLECTION, accountId, Actor.ANONYMOUS);
            log.info("a recovery code was used to sign in to account {}", accountId);
            return true;
        }
        audit.record(IdentityAudit.SECOND_FACTOR_FAILED, AccountStore.COLLECTION, accountId, Actor.ANONYMOUS);
        return false;
    }

    /**
     * Uses up a current code of the app for an action on the factor (renewal, removal): refused while the account is
     * locked, and a wrong code counts toward the lockout, so a stolen access token is no way to guess codes.
     */
    private void useCurrentCode(Account account, StoredSecondFactor factor, String subject, String code) {
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            throw new DomainRuleException(LOCKED);
        }
        OptionalLong step = Totp.match(cipher.open(factor.sealedSecret(), account.id()), code, now, factor.lastStep());
        if (step.isEmpty() || !accounts.useSecondFactorStep(account.id(), factor.sealedSecret(), step.getAsLong())) {
            failed(account.id(), subject);
            throw new DomainRuleException(WRONG_CODE);
        }
    }

    private void failed(String accountId, String subject) {
        audit.record(IdentityAudit.SECOND_FACTOR_FAILED, AccountStore.COLLECTION, accountId, subject);
        accounts.recordFailureOfAccount(accountId, lockout.maxFailures(), clock.instant().plus(lockout.duration()))
                .ifPresent(id -> {
                    log.warn("account {} locked for {} after {} failed attempts", id, lockout.duration(),
                            lockout.maxFailures());
                    audit.record(IdentityAudit.ACCOUNT_LOCKED, AccountStore.COLLECTION, id, subject);
                });
    }

    private Account account(String subject) {
        return accounts.bySubject(subject).orElseThrow(() -> new NotFoundException("Account of", subject));
    }

    private static String uriEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
