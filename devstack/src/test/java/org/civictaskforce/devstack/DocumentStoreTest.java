package org.civictaskforce.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsDocumentsAcrossARestart() {
        int port = Ports.freePort();
        DocumentStore store = new DocumentStore(dataDir, port);
        try {
            long t = System.nanoTime();
            store.start();
            System.out.printf("Mongo store start: %d ms%n", (System.nanoTime() - t) / 1_000_000);
            assertThat(store.uri("membership")).isEqualTo("mongodb://localhost:" + port + "/membership");
            try (MongoClient client = MongoClients.create(store.uri("membership"))) {
                MongoCollection<Document> people = client.getDatabase("membership").getCollection("people");
                people.insertOne(new Document("_id", "p-1").append("displayName", "Айгерим").append("country", "KZ"));
                assertThat(people.countDocuments()).isEqualTo(1);
            }
        } finally {
            store.stop();
        }
        assertThat(store.storeFile()).exists();
        assertThat(Ports.isFree(port)).isTrue();

        DocumentStore again = new DocumentStore(dataDir, port);
        try {
            again.start();
            try (MongoClient client = MongoClients.create(again.uri("membership"))) {
                Document found = client.getDatabase("membership").getCollection("people")
                        .find(Filters.eq("_id", "p-1")).first();
                assertThat(found).isNotNull();
                assertThat(found.getString("displayName")).isEqualTo("Айгерим");
                assertThat(client.getDatabase("membership").runCommand(new Document("ping", 1)).get("ok"))
                        .isIn(1, 1.0);
            }
        } finally {
            again.stop();
        }
    }
}
