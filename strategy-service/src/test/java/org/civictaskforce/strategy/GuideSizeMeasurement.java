package org.civictaskforce.strategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.strategy.application.GuideService;
import org.civictaskforce.strategy.persistence.GuideDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Not a test: measures how large the one guide document grows (every source revision and every
 * translation live in it) and how long GET /guide and a translation PUT take at that size, against
 * the in-process wire-compatible store. Run with
 * {@code ./mvnw -o -pl .,event-contracts,platform-kit,strategy-service verify -Dmeasure=true -Dtest=GuideSizeMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "measure", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3, topics = { Topics.MEMBERSHIP_EVENTS, Topics.STRATEGY_EVENTS },
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class GuideSizeMeasurement {
    private static final int SECTIONS = 30;
    private static final int REVISIONS = 5;
    private static final int BODY_CHARS = 4000;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("strategy-measure-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;
    @Autowired
    GuideService guides;
    @Autowired
    MongoTemplate mongo;

    @Test
    void measure() {
        String body = "Жарандык коом ң ө ү қ ғ ә ".repeat(BODY_CHARS / 26);
        var author = new org.civictaskforce.platform.security.Caller("author",
                java.util.Set.of(org.civictaskforce.platform.security.Role.COORDINATOR));
        var tr = new org.civictaskforce.platform.security.Caller("tr",
                java.util.Set.of(org.civictaskforce.platform.security.Role.TRANSLATOR));
        for (String lang : List.of("kk", "ky", "tg", "tk", "uz", "en")) {
            guides.assignTranslator(lang, "tr", author);
        }
        for (int s = 0; s < SECTIONS; s++) {
            String key = "s" + s;
            guides.addSection(key, "Раздел " + s, body, author);
            for (int r = 2; r <= REVISIONS; r++) {
                guides.changeSection(key, "Раздел " + s, body + r, author);
            }
            for (String lang : List.of("kk", "ky", "tg", "tk", "uz", "en")) {
                guides.translate(key, lang, "Бөлүм " + s, body, REVISIONS, tr);
                guides.submit(key, lang, tr);
                guides.approve(key, lang, author);
            }
        }
        Document stored = mongo.getCollection(GuideDocument.COLLECTION).find().first();
        int bytes = new RawBsonDocument(stored, new DocumentCodec()).getByteBuffer().remaining();

        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", org.civictaskforce.platform.security.TestTokens.coordinator()).build();
        List<Long> gets = new ArrayList<>();
        List<Long> puts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long t0 = System.nanoTime();
            http.get().uri("/api/strategy/guide").exchange().expectStatus().isOk().expectBody(String.class);
            gets.add(System.nanoTime() - t0);
            t0 = System.nanoTime();
            http.put().uri("/api/strategy/guide/sections/s1/translations/ky").contentType(MediaType.APPLICATION_JSON)
                    .header("Authorization", org.civictaskforce.platform.security.TestTokens.bearer("tr",
                            org.civictaskforce.platform.security.Role.TRANSLATOR))
                    .body(Map.of("title", "Бөлүм", "body", body + i, "basedOnRevision", REVISIONS)).exchange()
                    .expectStatus().isOk();
            puts.add(System.nanoTime() - t0);
        }
        System.out.printf("MEASURE guide document: %d sections x %d revisions x %d chars, 6 languages approved: "
                + "%d bytes BSON (%.1f%% of the 16 MiB limit)%n", SECTIONS, REVISIONS, BODY_CHARS, bytes,
                bytes * 100.0 / (16 * 1024 * 1024));
        System.out.printf("MEASURE GET /guide p50 %d ms p95 %d ms; PUT translation p50 %d ms p95 %d ms (60 each, no warm-up)%n", p(gets, 50), p(gets, 95), p(puts, 50), p(puts, 95));
    }

    private static long p(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1_000_000;
    }
}
