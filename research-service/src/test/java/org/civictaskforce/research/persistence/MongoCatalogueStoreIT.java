package org.civictaskforce.research.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.research.application.CatalogueFile;
import org.civictaskforce.research.domain.Catalogue;
import org.civictaskforce.research.domain.Institution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** Loading the catalogue once: a recent claim is left to its owner, one left by a stopped process is taken over. */
class MongoCatalogueStoreIT {
    private static final Catalogue CATALOGUE = CatalogueFile.read(CatalogueFile.CURRENT);
    private static MongoClient client;
    private static MongoTemplate mongo;
    private MongoCatalogueStore store;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MongoTestServer.uri("research-catalogue-store"));
        mongo = new MongoTemplate(client, "research-catalogue-store");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyDatabase() {
        for (String c : new String[] {MongoCatalogueStore.VERSIONS, MongoCatalogueStore.COUNTRIES,
                MongoCatalogueStore.RELATIONS, InstitutionDocument.COLLECTION}) {
            mongo.dropCollection(c);
        }
        store = new MongoCatalogueStore(mongo, new DomainEvents("research-service", Clock.systemUTC()));
    }

    private void claimedAt(Instant when) {
        mongo.insert(new Document("_id", CATALOGUE.version()).append("state", "LOADING")
                .append("claimedAt", Date.from(when)), MongoCatalogueStore.VERSIONS);
    }

    @Test
    void theFirstLoadLoadsEverythingAndASecondNothing() {
        assertThat(store.isLoaded(CATALOGUE.version())).isFalse();
        assertThat(store.loadOnce(CATALOGUE)).isTrue();
        assertThat(store.isLoaded(CATALOGUE.version())).isTrue();
        assertThat(mongo.count(new Query(), InstitutionDocument.COLLECTION)).isEqualTo(CATALOGUE.institutions().size());

        assertThat(store.loadOnce(CATALOGUE)).isFalse();
        assertThat(mongo.count(new Query(), InstitutionDocument.COLLECTION)).isEqualTo(CATALOGUE.institutions().size());
    }

    @Test
    void aLoadClaimedJustNowIsLeftToWhoeverClaimedIt() {
        claimedAt(Instant.now().minusSeconds(5));

        assertThat(store.loadOnce(CATALOGUE)).isFalse();
        assertThat(store.isLoaded(CATALOGUE.version())).isFalse();
        assertThat(mongo.count(new Query(), InstitutionDocument.COLLECTION)).isZero();
    }

    @Test
    void aLoadLeftHalfDoneByAStoppedProcessIsTakenOverAndCompleted() {
        claimedAt(Instant.now().minus(MongoCatalogueStore.LOAD_CLAIM_EXPIRY).minusSeconds(1));
        Institution first = CATALOGUE.institutions().get(0);
        mongo.insert(InstitutionDocument.newFor(first, 0, CATALOGUE.version()));

        assertThat(store.loadOnce(CATALOGUE)).isTrue();

        assertThat(store.isLoaded(CATALOGUE.version())).isTrue();
        assertThat(mongo.count(new Query(), InstitutionDocument.COLLECTION)).isEqualTo(CATALOGUE.institutions().size());
        assertThat(mongo.count(new Query(), MongoCatalogueStore.COUNTRIES)).isEqualTo(CATALOGUE.countries().size());
        assertThat(mongo.count(new Query(), MongoCatalogueStore.RELATIONS)).isEqualTo(CATALOGUE.relations().size());
        assertThat(store.institution(first.id()).map(Institution::name)).contains(first.name());
        assertThat(store.loadOnce(CATALOGUE)).isFalse();
    }
}
