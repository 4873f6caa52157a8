package org.civictaskforce.gateway.session;

import java.time.Clock;
import java.time.Duration;

import org.mongodb.spring.session.AbstractMongoSessionConverter;
import org.mongodb.spring.session.JdkMongoSessionConverter;
import org.mongodb.spring.session.ReactiveMongoSessionRepository;
import org.mongodb.spring.session.config.annotation.web.reactive.EnableMongoWebSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;

/**
 * Signed-in browsers' sessions live in the gateway's MongoDB database (Spring Session, collection
 * {@value #COLLECTION}), so that any gateway replica serves any browser and a restart signs nobody out.
 * <p>
 * A session holds what the sign-in left there: the person's id and roles (the ID token carries no name or
 * e-mail address), their access and refresh tokens, and during sign-in the pending PKCE request. It ends
 * after {@code server.reactive.session.timeout} without use, at sign-out, or when the person is erased or
 * removed ({@code RevokedSessionWebFilter}); {@link ExpiredSessionsCleanUp} deletes what has ended.
 * <p>
 * A session a request loaded is saved back only while it still exists ({@link EndedSessionsStayEnded}), so an ended
 * session cannot be brought back by a request that was under way when it ended.
 * <p>
 * {@code gateway.sessions.store=memory} keeps them in this process instead (the gateway's own tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.sessions.store", havingValue = "mongodb", matchIfMissing = true)
@EnableMongoWebSession(collectionName = BrowserSessionsConfiguration.COLLECTION)
public class BrowserSessionsConfiguration {

    /** The collection of browser sessions in the gateway's database. */
    public static final String COLLECTION = "browser_sessions";

    /** A session lasts as long without use as {@code server.reactive.session.timeout} says (8 h by default). */
    @Bean
    ReactiveSessionRepositoryCustomizer<ReactiveMongoSessionRepository> sessionTimeout(
            @Value("${server.reactive.session.timeout:8h}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    /**
     * How a session is stored: the library's own default (Java serialization of the attributes), made a bean so that
     * the library and {@link EndedSessionsStayEnded} write the same documents.
     */
    @Bean
    AbstractMongoSessionConverter browserSessionConverter(
            @Value("${server.reactive.session.timeout:8h}") Duration timeout) {
        return new JdkMongoSessionConverter(new SerializingConverter(),
                new DeserializingConverter(BrowserSessionsConfiguration.class.getClassLoader()), timeout);
    }

    /** The repository the gateway's sessions go through: a session that was ended is never saved back. */
    @Bean
    @Primary
    EndedSessionsStayEnded endedSessionsStayEnded(ReactiveMongoSessionRepository sessions,
            ReactiveMongoTemplate mongo, AbstractMongoSessionConverter converter) {
        return new EndedSessionsStayEnded(sessions, mongo, converter);
    }

    @Bean(destroyMethod = "stop")
    ExpiredSessionsCleanUp expiredSessionsCleanUp(ReactiveMongoTemplate mongo,
            @Value("${gateway.sessions.clean-up-every:10m}") Duration every) {
        ExpiredSessionsCleanUp cleanUp = new ExpiredSessionsCleanUp(mongo, COLLECTION, Clock.systemUTC());
        cleanUp.start(every);
        return cleanUp;
    }
}
