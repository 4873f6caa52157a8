package org.civictaskforce.identity.signin;

import java.time.Clock;
import java.util.Date;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The sign-in pages' sessions, kept in MongoDB (Spring Session) so that any replica of the identity service serves
 * any sign-in: the signed-in account's subject, the request that sent the browser here, the remote address.
 */
public class SignInSessions {

    /** The collection of sign-in sessions in the identity service's database. */
    public static final String COLLECTION = "signin_sessions";

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final MongoOperations mongo;
    private final Clock clock;

    public SignInSessions(FindByIndexNameSessionRepository<? extends Session> sessions, MongoOperations mongo,
            Clock clock) {
        this.sessions = sessions;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Ends every sign-in session of these subjects (a person's id, an account's id); returns how many. */
    public int endAllOf(String... subjects) {
        int ended = 0;
        for (String subject : subjects) {
            if (subject == null) {
                continue;
            }
            Map<String, ? extends Session> found = sessions.findByPrincipalName(subject);
            for (String id : found.keySet()) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    /**
     * Deletes the sessions that have expired: what Spring Session's TTL index does on real MongoDB (the local store
     * ignores TTL indexes). An expired session is refused on read either way.
     */
    public long removeExpired() {
        return mongo.remove(Query.query(Criteria.where("expireAt").lt(Date.from(clock.instant()))), COLLECTION)
                .getDeletedCount();
    }
}
