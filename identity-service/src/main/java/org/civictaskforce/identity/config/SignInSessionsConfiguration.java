package org.civictaskforce.identity.config;

import java.time.Clock;
import java.time.Duration;

import org.civictaskforce.identity.signin.SignInSessions;
import org.mongodb.spring.session.MongoIndexedSessionRepository;
import org.mongodb.spring.session.config.annotation.web.http.EnableMongoHttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.session.config.SessionRepositoryCustomizer;

/**
 * The sign-in pages' sessions in MongoDB (Spring Session, {@link SignInSessions#COLLECTION}): a browser that
 * signs in at one replica is sent on by whichever replica answers next, and a restart signs nobody out. The
 * cookie is still {@code server.servlet.session.cookie.*} (name, HttpOnly), read from the servlet context by
 * Spring Session; SameSite=Lax is its default.
 */
@Configuration(proxyBeanMethods = false)
@EnableMongoHttpSession(collectionName = SignInSessions.COLLECTION)
public class SignInSessionsConfiguration {

    /** A sign-in session lasts as long without use as {@code server.servlet.session.timeout} says. */
    @Bean
    SessionRepositoryCustomizer<MongoIndexedSessionRepository> sessionTimeout(
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    @Bean
    SignInSessions signInSessions(MongoIndexedSessionRepository sessions, MongoOperations mongo, Clock clock) {
        return new SignInSessions(sessions, mongo, clock);
    }
}
