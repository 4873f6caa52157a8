package org.civictaskforce.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mongodb.spring.session.MongoSession;
import org.mongodb.spring.session.ReactiveMongoSessionRepository;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

/**
 * A request that loaded a browser session before it was ended (sign-out, an erased person) and saves it afterwards
 * does not bring it back; everything else is saved as the library saves it. On the MongoDB-wire-compatible store.
 */
class EndedSessionsStayEndedTest {
    private static final String DATABASE = "ended-sessions";

    private MongoClient client;
    private ReactiveMongoSessionRepository library;
    private EndedSessionsStayEnded sessions;

    @BeforeEach
    void repository() {
        client = MongoClients.create(MongoTestServer.uri(DATABASE));
        ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, DATABASE);
        library = new ReactiveMongoSessionRepository(mongo);
        library.setCollectionName(BrowserSessionsConfiguration.COLLECTION);
        var converter = new BrowserSessionsConfiguration().browserSessionConverter(Duration.ofHours(8));
        library.setMongoSessionConverter(converter);
        sessions = new EndedSessionsStayEnded(library, mongo, converter);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aSessionSavedByARequestThatLoadedItBeforeSignOutStaysSignedOut() {
        MongoSession signedIn = sessions.createSession().block();
        signedIn.setAttribute("person", "p-1");
        sessions.save(signedIn).block();

        MongoSession inFlight = sessions.findById(signedIn.getId()).block(); // a request under way
        sessions.deleteById(signedIn.getId()).block();                      // sign-out
        inFlight.setLastAccessedTime(inFlight.getLastAccessedTime().plusSeconds(1));
        sessions.save(inFlight).block();                                     // the request ends

        assertThat(sessions.findById(signedIn.getId()).block()).as("the ended session").isNull();
    }

    @Test
    void withTheLibrarysOwnSaveTheSessionWouldComeBack() {
        MongoSession signedIn = library.createSession().block();
        library.save(signedIn).block();
        MongoSession inFlight = library.findById(signedIn.getId()).block();
        library.deleteById(signedIn.getId()).block();
        library.save(inFlight).block();

        assertThat(library.findById(signedIn.getId()).block()).as("what this class is for").isNotNull();
    }

    @Test
    void aLoadedSessionThatStillExistsIsSavedWithItsChanges() {
        MongoSession created = sessions.createSession().block();
        sessions.save(created).block();

        MongoSession loaded = sessions.findById(created.getId()).block();
        loaded.setAttribute("roles", "COORDINATOR");
        sessions.save(loaded).block();

        assertThat(sessions.findById(created.getId()).block().<String>getAttribute("roles")).isEqualTo("COORDINATOR");
    }

    @Test
    void aSessionWhoseIdChangedAtSignInIsStoredUnderItsNewIdOnly() {
        MongoSession pending = sessions.createSession().block();
        sessions.save(pending).block();
        String before = pending.getId();

        MongoSession loaded = sessions.findById(before).block();
        String after = loaded.changeSessionId();
        loaded.setAttribute("person", "p-2");
        sessions.save(loaded).block();

        assertThat(sessions.findById(before).block()).isNull();
        assertThat(sessions.findById(after).block().<String>getAttribute("person")).isEqualTo("p-2");
    }
}
