package org.civictaskforce.strategy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.platform.security.Caller;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.strategy.application.ConsultationService;
import org.civictaskforce.strategy.application.StrategyService;
import org.civictaskforce.strategy.domain.consultation.ConsultationRound;
import org.civictaskforce.strategy.domain.strategy.StrategyContent;
import org.civictaskforce.strategy.persistence.ConsultationRoundDocument;
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
 * Not a test: measures how large one consultation round's document grows (all its comments and replies
 * live in it) and how long reading the round and adding a comment take at that size, against the
 * in-process wire-compatible store. Run with
 * {@code ./mvnw -o -pl .,event-contracts,platform-kit,strategy-service verify -Dmeasure=true -Dtest=ConsultationSizeMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "measure", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3, topics = { Topics.MEMBERSHIP_EVENTS, Topics.RESEARCH_EVENTS, Topics.STRATEGY_EVENTS },
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ConsultationSizeMeasurement {
    private static final int PEOPLE = 30;
    private static final int COMMENTS_EACH = 10;
    private static final int COMMENT_CHARS = 1500;
    private static final int REPLY_CHARS = 500;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("strategy-consult-measure-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;
    @Autowired
    StrategyService strategy;
    @Autowired
    ConsultationService consultations;
    @Autowired
    MongoTemplate mongo;

    @Test
    void measure() {
        Caller coordinator = new Caller("coord", Set.of(Role.COORDINATOR));
        int v = strategy.startDraft(coordinator).number();
        strategy.edit(v, new StrategyContent("Контекст", List.of("Открытые бюджеты"), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of()), coordinator);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add("p-" + i);
        }
        ConsultationRound round = consultations.open(new ConsultationService.Opening(
                ConsultationRound.SubjectKind.STRATEGY_VERSION, String.valueOf(v),
                LocalDateTime.now(ZoneId.of("Asia/Almaty")).plusDays(3), "Asia/Almaty", List.of(), people), coordinator);
        String comment = "Комментарий ң ө ү ".repeat(COMMENT_CHARS / 18);
        String reply = "Ответ ".repeat(REPLY_CHARS / 6);
        for (int c = 0; c < COMMENTS_EACH; c++) {
            for (String p : people) {
                String id = consultations.comment(round.id(), "goals", "Открытые", comment,
                        new Caller(p, Set.of(Role.MEMBER))).id();
                consultations.reply(round.id(), id, reply, coordinator);
            }
        }
        Document stored = mongo.getCollection(ConsultationRoundDocument.COLLECTION).find().first();
        int bytes = new RawBsonDocument(stored, new DocumentCodec()).getByteBuffer().remaining();

        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", TestTokens.coordinator()).build();
        List<Long> gets = new ArrayList<>();
        List<Long> posts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long t0 = System.nanoTime();
            http.get().uri("/api/strategy/consultations/" + round.id()).exchange().expectStatus().isOk()
                    .expectBody(String.class);
            gets.add(System.nanoTime() - t0);
            t0 = System.nanoTime();
            http.post().uri("/api/strategy/consultations/" + round.id() + "/comments")
                    .header("Authorization", TestTokens.bearer("p-" + (i % PEOPLE), Role.MEMBER))
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("sectionKey", "goals", "text", comment))
                    .exchange().expectStatus().isCreated();
            posts.add(System.nanoTime() - t0);
        }
        System.out.printf("MEASURE consultation round: %d comments x %d chars, each with a %d-char reply: "
                + "%d bytes BSON (%.1f%% of the 16 MiB limit)%n", PEOPLE * COMMENTS_EACH, COMMENT_CHARS, REPLY_CHARS,
                bytes, bytes * 100.0 / (16 * 1024 * 1024));
        System.out.printf("MEASURE GET round p50 %d ms p95 %d ms; POST comment p50 %d ms p95 %d ms (40 each, no warm-up)%n",
                p(gets, 50), p(gets, 95), p(posts, 50), p(posts, 95));
    }

    private static long p(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1_000_000;
    }
}
