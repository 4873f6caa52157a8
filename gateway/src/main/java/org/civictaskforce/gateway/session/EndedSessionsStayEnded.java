package org.civictaskforce.gateway.session;

import org.bson.Document;
import org.mongodb.spring.session.AbstractMongoSessionConverter;
import org.mongodb.spring.session.MongoSession;
import org.mongodb.spring.session.ReactiveMongoSessionRepository;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.session.ReactiveSessionRepository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

/**
 * The browser-session repository, with one difference from the library's: a session a request loaded is saved back
 * only if it still exists. The library saves the whole session with an upsert, so a request that loaded the session
 * before a sign-out (or before an erased person's session was ended) and saved it after would create it again:
 * the browser forgot its cookie, but a stolen copy of that cookie would work until the session timed out (8 h).
 * Here that save replaces the stored document only where it is still there ({@code findAndReplace} without upsert), in one
 * atomic step, so a session that was ended stays ended.
 * <p>
 * A session made in this request is inserted as before, and one whose id changed (the id replaced at sign-in,
 * against fixation) is saved by the library: the old id removed, the new one written.
 */
public class EndedSessionsStayEnded implements ReactiveSessionRepository<MongoSession> {
    private static final TypeDescriptor SESSION = TypeDescriptor.valueOf(MongoSession.class);
    private static final TypeDescriptor DOCUMENT = TypeDescriptor.valueOf(Document.class);

    private final ReactiveMongoSessionRepository sessions;
    private final ReactiveMongoOperations mongo;
    private final AbstractMongoSessionConverter converter;
    private final String collection;
    /** The sessions loaded from the store, by identity (weak: a session object lives as long as its request). */
    private final Cache<MongoSession, String> loaded = Caffeine.newBuilder().weakKeys().build();

    public EndedSessionsStayEnded(ReactiveMongoSessionRepository sessions, ReactiveMongoOperations mongo,
            AbstractMongoSessionConverter converter) {
        this.sessions = sessions;
        this.mongo = mongo;
        this.converter = converter;
        this.collection = sessions.getCollectionName();
    }

    @Override
    public Mono<MongoSession> createSession() {
        return sessions.createSession();
    }

    @Override
    public Mono<MongoSession> findById(String id) {
        return sessions.findById(id).doOnNext(session -> loaded.put(session, session.getId()));
    }

    @Override
    public Mono<Void> save(MongoSession session) {
        String loadedAs = loaded.getIfPresent(session);
        if (loadedAs == null || !loadedAs.equals(session.getId())) {
            return sessions.save(session);
        }
        Document stored = (Document) converter.convert(session, SESSION, DOCUMENT);
        return mongo.findAndReplace(Query.query(Criteria.where("_id").is(session.getId())), stored,
                FindAndReplaceOptions.none(), collection).then();
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return sessions.deleteById(id);
    }
}
