package org.civictaskforce.identity.enrolment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.civictaskforce.identity.accounts.Account;
import org.civictaskforce.identity.accounts.AccountStore;
import org.civictaskforce.identity.accounts.Passwords;
import org.civictaskforce.identity.accounts.UsernameTakenException;
import org.civictaskforce.identity.accounts.Usernames;
import org.civictaskforce.identity.audit.IdentityAudit;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

/**
 * How a member gets an account without a password passing through any other service or e-mail: a
 * coordinator asks for a one-time link for a person and hands it over; the person opens it and chooses a
 * username and password. The link's token is 32 random bytes; only its SHA-256 is stored
 * ({@code enrolments}, one document per person, so a new link replaces the old). It is valid for
 * {@code identity.enrolment.validity} and can be used once. For a person who already has an account the
 * same link resets username and password and removes the second factor (the recovery path: a forgotten
 * password or a lost authenticator).
 */
public class Enrolments {
    public static final String COLLECTION = "enrolments";
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum State {
        VALID, UNKNOWN, USED, EXPIRED
    }

    /** What the link shows before it is used. */
    public record Check(State state, boolean existingAccount) {
    }

    private final MongoTemplate mongo;
    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final IdentityAudit audit;
    private final Clock clock;
    private final String issuer;
    private final Duration validity;

    public Enrolments(MongoTemplate mongo, AccountStore accounts, PasswordEncoder passwords, IdentityAudit audit,
            Clock clock, String issuer, Duration validity) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.validity = validity;
        collection().createIndex(Indexes.ascending("tokenHash"), new IndexOptions().name("token_unique").unique(true));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** A new link for the person; an earlier one stops working. */
    public EnrolmentLink issue(String personId, String actor) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(validity);
        collection().replaceOne(Filters.eq("_id", personId), new Document("_id", personId)
                .append("tokenHash", hash(token)).append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(expiresAt)).append("issuedBy", actor), new ReplaceOptions().upsert(true));
        audit.record(IdentityAudit.ENROLMENT_ISSUED, COLLECTION, personId, actor);
        return new EnrolmentLink(issuer + "/enrol?token=" + token, expiresAt);
    }

    public Check check(String token) {
        Optional<Document> found = find(token);
        State state = state(found);
        boolean existing = state == State.VALID
                && accounts.byPersonId(found.get().getString("_id")).isPresent();
        return new Check(state, existing);
    }

    /**
     * Uses the link: creates the person's account, or resets username and password of the one they have (and
     * removes its second factor).
     *
     * @throws EnrolmentRefusedException for an unusable link or a refused username/password (nothing changes)
     * @throws UsernameTakenException if another account has the username (the link stays usable)
     */
    public Account complete(String token, String rawUsername, String password, String repeated) {
        Optional<Document> found = find(token);
        State state = state(found);
        if (state != State.VALID) {
            throw refused(state);
        }
        String personId = found.get().getString("_id");
        String username = Usernames.normalise(rawUsername);
        if (!Usernames.valid(username)) {
            throw new EnrolmentRefusedException(EnrolmentRefusedException.Reason.USERNAME,
                    "Choose a username of 3 to 64 letters, digits, dots, dashes, underscores or @ (a pseudonym is fine).");
        }
        Passwords.Problem passwordProblem = Passwords.check(password, repeated);
        if (passwordProblem != null) {
            throw new EnrolmentRefusedException(switch (passwordProblem) {
                case TOO_SHORT -> EnrolmentRefusedException.Reason.PASSWORD_TOO_SHORT;
                case TOO_LONG -> EnrolmentRefusedException.Reason.PASSWORD_TOO_LONG;
                case DIFFERENT -> EnrolmentRefusedException.Reason.PASSWORDS_DIFFER;
            }, passwordProblem.message());
        }
        Optional<Account> holder = accounts.byUsername(username);
        if (holder.isPresent() && !personId.equals(holder.get().personId())) {
            throw new UsernameTakenException();
        }
        String tokenHash = found.get().getString("tokenHash");
        Instant now = clock.instant();
        long consumed = collection().updateOne(Filters.and(Filters.eq("tokenHash", tokenHash),
                Filters.exists("usedAt", false), Filters.gt("expiresAt", Date.from(now))),
                Updates.set("usedAt", Date.from(now))).getModifiedCount();
        if (consumed == 0) {
            throw refused(State.USED);
        }
        String hash = passwords.encode(password);
        try {
            Optional<Account> existing = accounts.byPersonId(personId);
            Account account;
            if (existing.isPresent()) {
                boolean hadSecondFactor = accounts.reset(existing.get().id(), username, hash);
                account = accounts.byId(existing.get().id()).orElseThrow();
                audit.record(IdentityAudit.PASSWORD_RESET, AccountStore.COLLECTION, account.id(), personId);
                if (hadSecondFactor) {
                    audit.record(IdentityAudit.SECOND_FACTOR_DISABLED, AccountStore.COLLECTION, account.id(), personId);
                }
            } else {
                account = accounts.create(username, hash, personId, List.of(), now);
                audit.record(IdentityAudit.ACCOUNT_CREATED, AccountStore.COLLECTION, account.id(), personId);
            }
            audit.record(IdentityAudit.ENROLMENT_COMPLETED, COLLECTION, personId, personId);
            return account;
        } catch (UsernameTakenException e) {
            // taken in the meantime: give the link back so the person can choose another name
            collection().updateOne(Filters.eq("tokenHash", tokenHash), Updates.unset("usedAt"));
            throw e;
        }
    }

    /** Removes the person's pending (or used) link. */
    public void erase(String personId) {
        collection().deleteOne(Filters.eq("_id", personId));
    }

    private static EnrolmentRefusedException refused(State state) {
        return new EnrolmentRefusedException(switch (state) {
            case USED -> EnrolmentRefusedException.Reason.LINK_USED;
            case EXPIRED -> EnrolmentRefusedException.Reason.LINK_EXPIRED;
            default -> EnrolmentRefusedException.Reason.LINK_UNKNOWN;
        }, message(state));
    }

    public static String message(State state) {
        return switch (state) {
            case UNKNOWN -> "This enrolment link is not valid. Ask your coordinator for a new one.";
            case USED -> "This enrolment link has already been used. Ask your coordinator for a new one if you need it.";
            case EXPIRED -> "This enrolment link has expired. Ask your coordinator for a new one.";
            case VALID -> "This enrolment link is valid.";
        };
    }

    private Optional<Document> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection().find(Filters.eq("tokenHash", hash(token))).first());
    }

    private State state(Optional<Document> found) {
        if (found.isEmpty()) {
            return State.UNKNOWN;
        }
        if (found.get().get("usedAt") != null) {
            return State.USED;
        }
        if (!found.get().getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return State.EXPIRED;
        }
        return State.VALID;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
