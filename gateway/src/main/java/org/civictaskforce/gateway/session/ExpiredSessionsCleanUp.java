package org.civictaskforce.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Deletes browser sessions that have expired. Spring Session declares a TTL index on {@code expireAt}, which does
 * this on real MongoDB; the local MongoDB-compatible store accepts the index and ignores it, and an expired session
 * (a person's id and tokens) must not stay there for ever. An expired session is refused on read either way.
 */
public class ExpiredSessionsCleanUp {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSessionsCleanUp.class);

    private final ReactiveMongoTemplate mongo;
    private final String collection;
    private final Clock clock;
    private Disposable schedule;

    public ExpiredSessionsCleanUp(ReactiveMongoTemplate mongo, String collection, Clock clock) {
        this.mongo = mongo;
        this.collection = collection;
        this.clock = clock;
    }

    /** Deletes the sessions whose expiry has passed; emits how many. */
    public Mono<Long> removeExpired() {
        Query expired = Query.query(Criteria.where("expireAt").lt(Date.from(clock.instant())));
        return mongo.remove(expired, collection).map(result -> result.getDeletedCount());
    }

    synchronized void start(Duration every) {
        schedule = Flux.interval(every, every)
                .concatMap(tick -> removeExpired()
                        .doOnNext(removed -> {
                            if (removed > 0) {
                                log.debug("{} expired browser sessions removed", removed);
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("removing expired browser sessions failed, will retry: {}", e.getClass().getName());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    synchronized void stop() {
        if (schedule != null) {
            schedule.dispose();
            schedule = null;
        }
    }
}
