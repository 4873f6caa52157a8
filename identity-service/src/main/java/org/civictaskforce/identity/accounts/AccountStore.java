package org.civictaskforce.identity.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * The {@code accounts} collection: {@code _id} ({@code acct-<uuid>}), {@code username} (normalised, unique),
 * {@code passwordHash}, {@code personId} (absent for an account without a person; unique when present),
 * {@code staticRoles}, {@code createdAt}, {@code failedAttempts}, {@code lockedUntil}, and optionally
 * {@code secondFactor} ({@code secret} as {@code SecretCipher} seals it, {@code active}, {@code lastStep}: the
 * time step of the last code accepted, {@code createdAt}, {@code activatedAt}).
 */
public class AccountStore {
    public static final String COLLECTION = "accounts";
    private static final String SECOND_FACTOR = "secondFactor";
    private static final String RECOVERY_CODES = "recoveryCodes";

    private final MongoTemplate mongo;

    public AccountStore(MongoTemplate mongo) {
        this.mongo = mongo;
        collection().createIndex(Indexes.ascending("username"), new IndexOptions().name("username_unique").unique(true));
        collection().createIndex(Indexes.ascending("personId"),
                new IndexOptions().name("person_unique").unique(true).sparse(true));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    public Optional<Account> byUsername(String normalisedUsername) {
        return one(Filters.eq("username", normalisedUsername));
    }

    public Optional<Account> byPersonId(String personId) {
        return one(Filters.eq("personId", personId));
    }

    public Optional<Account> byId(String id) {
        return one(Filters.eq("_id", id));
    }

    /** The account whose token subject is {@code subject}: a person id, or an account id. */
    public Optional<Account> bySubject(String subject) {
        return one(Filters.or(Filters.eq("personId", subject), Filters.and(Filters.eq("_id", subject),
                Filters.exists("personId", false))));
    }

    /** @throws UsernameTakenException if the username (or the person) already has an account */
    public Account create(String username, String passwordHash, String personId, List<String> staticRoles,
            Instant now) {
        String id = "acct-" + UUID.randomUUID();
        Document document = new Document("_id", id).append("username", username).append("passwordHash", passwordHash)
                .append("staticRoles", staticRoles).append("createdAt", Date.from(now)).append("failedAttempts", 0);
        if (personId != null) {
            document.append("personId", personId);
        }
        try {
            collection().insertOne(document);
        } catch (MongoWriteException e) {
            throw duplicateOr(e);
        }
        return account(document);
    }

    /**
     * The recovery path: a new username and password for an existing account; unlocks it and removes its second
     * factor (the person may have lost the device).
     *
     * @return true if the account had a second factor (pending or active) that is now gone
     */
    public boolean reset(String id, String username, String passwordHash) {
        try {
            Document before = collection().findOneAndUpdate(Filters.eq("_id", id), Updates.combine(
                    Updates.set("username", username), Updates.set("passwordHash", passwordHash),
                    Updates.set("failedAttempts", 0), Updates.unset("lockedUntil"), Updates.unset(SECOND_FACTOR)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
            return before != null && before.get(SECOND_FACTOR) != null;
        } catch (MongoWriteException e) {
            throw duplicateOr(e);
        }
    }

    /**
     * The account's second factor as stored: the sealed secret, whether it is required, the last step used, and
     * how many one-time recovery codes are left (only their hashes are stored).
     */
    public record StoredSecondFactor(String sealedSecret, boolean active, long lastStep, int recoveryCodesLeft) {
    }

    public Optional<StoredSecondFactor> secondFactor(String id) {
        Document account = collection().find(Filters.eq("_id", id)).first();
        Document factor = account == null ? null : account.get(SECOND_FACTOR, Document.class);
        if (factor == null) {
            return Optional.empty();
        }
        Number lastStep = factor.get("lastStep", Number.class);
        List<?> recovery = factor.get(RECOVERY_CODES, List.class);
        return Optional.of(new StoredSecondFactor(factor.getString("secret"), Boolean.TRUE.equals(factor.getBoolean("active")),
                lastStep == null ? -1 : lastStep.longValue(), recovery == null ? 0 : recovery.size()));
    }

    /** Stores a pending (not yet required) second factor, replacing a pending one. @return false if one is active */
    public boolean setPendingSecondFactor(String id, String sealedSecret, Instant now) {
        return collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.ne(SECOND_FACTOR + ".active", true)),
                Updates.set(SECOND_FACTOR, new Document("secret", sealedSecret).append("active", false)
                        .append("lastStep", -1L).append("createdAt", Date.from(now)))).getModifiedCount() > 0;
    }

    /**
     * Makes the pending second factor {@code sealedSecret} required, using up {@code step}.
     *
     * @return false if it changed in the meantime or the step is not newer than the last one used
     */
    public boolean activateSecondFactor(String id, String sealedSecret, long step, Instant now) {
        return collection().updateOne(Filters.and(Filters.eq("_id", id),
                Filters.eq(SECOND_FACTOR + ".secret", sealedSecret), Filters.eq(SECOND_FACTOR + ".active", false),
                Filters.lt(SECOND_FACTOR + ".lastStep", step)), Updates.combine(
                Updates.set(SECOND_FACTOR + ".active", true), Updates.set(SECOND_FACTOR + ".lastStep", step),
                Updates.set(SECOND_FACTOR + ".activatedAt", Date.from(now)))).getModifiedCount() > 0;
    }

    /**
     * Uses up {@code step} of the second factor {@code sealedSecret}: atomic, so of two sign-ins with the same code
     * one wins.
     *
     * @return false if a code of this step or a later one was already used (replay), or the factor changed
     */
    public boolean useSecondFactorStep(String id, String sealedSecret, long step) {
        return collection().updateOne(Filters.and(Filters.eq("_id", id),
                Filters.eq(SECOND_FACTOR + ".secret", sealedSecret), Filters.lt(SECOND_FACTOR + ".lastStep", step)),
                Updates.set(SECOND_FACTOR + ".lastStep", step)).getModifiedCount() > 0;
    }

    /**
     * Replaces the recovery codes of the active second factor {@code sealedSecret} by these hashes.
     *
     * @return false if the second factor changed, went or is not active
     */
    public boolean setRecoveryCodes(String id, String sealedSecret, List<String> hashes) {
        return collection().updateOne(Filters.and(Filters.eq("_id", id),
                Filters.eq(SECOND_FACTOR + ".secret", sealedSecret), Filters.eq(SECOND_FACTOR + ".active", true)),
                Updates.set(SECOND_FACTOR + "." + RECOVERY_CODES, hashes)).getModifiedCount() > 0;
    }

    /**
     * Uses up the recovery code with this hash: atomic, so a code signs in once even when sent twice at once.
     *
     * @return false if the account has no such unused code
     */
    public boolean useRecoveryCode(String id, String hash) {
        return collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq(SECOND_FACTOR + ".active", true),
                Filters.eq(SECOND_FACTOR + "." + RECOVERY_CODES, hash)),
                Updates.pull(SECOND_FACTOR + "." + RECOVERY_CODES, hash)).getModifiedCount() > 0;
    }

    /** @return false if the second factor changed or went in the meantime */
    public boolean removeSecondFactor(String id, String sealedSecret) {
        return collection().updateOne(Filters.and(Filters.eq("_id", id),
                Filters.eq(SECOND_FACTOR + ".secret", sealedSecret)), Updates.unset(SECOND_FACTOR)).getModifiedCount() > 0;
    }

    /**
     * Counts a failed sign-in; at {@code maxFailures} the account is locked until {@code lockUntil} and the
     * count starts again.
     *
     * @return the account id if this failure locked the account
     */
    public Optional<String> recordFailure(String username, int maxFailures, Instant lockUntil) {
        return recordFailure(Filters.eq("username", username), maxFailures, lockUntil);
    }

    /** As {@link #recordFailure(String, int, Instant)}, by account id (a wrong one-time code through the API). */
    public Optional<String> recordFailureOfAccount(String id, int maxFailures, Instant lockUntil) {
        return recordFailure(Filters.eq("_id", id), maxFailures, lockUntil);
    }

    private Optional<String> recordFailure(Bson account, int maxFailures, Instant lockUntil) {
        Document after = collection().findOneAndUpdate(account,
                Updates.inc("failedAttempts", 1), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null || after.getInteger("failedAttempts", 0) < maxFailures) {
            return Optional.empty();
        }
        long locked = collection().updateOne(
                Filters.and(Filters.eq("_id", after.getString("_id")), Filters.gte("failedAttempts", maxFailures)),
                Updates.combine(Updates.set("failedAttempts", 0), Updates.set("lockedUntil", Date.from(lockUntil))))
                .getModifiedCount();
        return locked > 0 ? Optional.of(after.getString("_id")) : Optional.empty();
    }

    public void recordSuccess(String id) {
        collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.ne("failedAttempts", 0)),
                Updates.set("failedAttempts", 0));
    }

    /** @return the deleted account, if the person had one */
    public Optional<Account> deleteByPersonId(String personId) {
        Document deleted = collection().findOneAndDelete(Filters.eq("personId", personId));
        return Optional.ofNullable(deleted).map(AccountStore::account);
    }

    private Optional<Account> one(Bson filter) {
        return Optional.ofNullable(collection().find(filter).first()).map(AccountStore::account);
    }

    private static RuntimeException duplicateOr(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY ? new UsernameTakenException() : e;
    }

    private static Account account(Document d) {
        List<String> roles = new ArrayList<>(d.getList("staticRoles", String.class, List.of()));
        Date created = d.getDate("createdAt");
        Date locked = d.getDate("lockedUntil");
        return new Account(d.getString("_id"), d.getString("username"), d.getString("passwordHash"),
                d.getString("personId"), List.copyOf(roles), created == null ? null : created.toInstant(),
                d.getInteger("failedAttempts", 0), locked == null ? null : locked.toInstant());
    }
}
