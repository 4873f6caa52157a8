package org.civictaskforce.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.strategy.ConsultationCommentAdded;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.ServiceTest;
import org.civictaskforce.platform.testing.TopicReader;
import org.civictaskforce.strategy.application.ConsultationRoundStore;
import org.civictaskforce.strategy.domain.consultation.ConsultationRound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * A deadline burst over HTTP: forty invitees post a comment on one round at once, from eight threads. Every one is
 * created (201), at a Location naming the comment it answers with, and the round's forty comment-added events reach
 * the topic, once each. (The same configuration as {@link ConsultationApiIT}, so the two share one started service;
 * the round is stored through the application's port, so that no strategy draft is started here.)
 */
@ServiceTest(properties = "strategy.consultation.clock-interval=PT0.2S")
class ConsultationCommentBurstIT {
    private static final String ZONE = "Asia/Almaty";
    private static final String ADDED = EventTypes.typeOf(ConsultationCommentAdded.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    ConsultationRoundStore rounds;
    @Autowired
    MongoTemplate mongo;

    record Posted(String person, int status, URI location, JsonNode body) {
    }

    @Test
    void fortyCommentsPostedAtOnceAreAllCreatedEachAtItsOwnLocationAndEachPublishedOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> people = IntStream.range(0, 40).mapToObj(i -> "burst-" + run + "-" + i).toList();
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("goals", "Open budgets for IFI projects.");
        ConsultationRound.Opened opened = ConsultationRound.open("round-" + UUID.randomUUID(),
                ConsultationRound.SubjectKind.STRATEGY_VERSION, "burst-" + run, sections,
                LocalDateTime.now(ZoneId.of(ZONE)).plusDays(3).truncatedTo(ChronoUnit.SECONDS), ZONE, List.of(),
                people, Set.copyOf(people), Instant.now(), TestTokens.COORDINATOR_ID);
        rounds.insert(opened.round(), opened.events());
        String round = "/api/strategy/consultations/" + opened.round().id();
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Posted>> answers = new ArrayList<>();
        for (String person : people) {
            answers.add(threads.submit(() -> {
                go.await();
                EntityExchangeResult<String> result = http.post().uri(round + "/comments")
                        .header("Authorization", TestTokens.bearer(person, Role.MEMBER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("sectionKey", "goals", "quote", "Open budgets", "text", "From " + person))
                        .exchange().expectBody(String.class).returnResult();
                return new Posted(person, result.getStatus().value(), result.getResponseHeaders().getLocation(),
                        EventJson.MAPPER.readTree(result.getResponseBody()));
            }));
        }
        go.countDown();
        List<Posted> posted = new ArrayList<>();
        for (Future<Posted> answer : answers) {
            posted.add(answer.get(60, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertThat(posted).allSatisfy(p -> {
            assertThat(p.status()).as(p.body().toString()).isEqualTo(201);
            assertThat(p.body().path("authorId").asString()).isEqualTo(p.person());
            assertThat(p.body().path("text").asString()).isEqualTo("From " + p.person());
            assertThat(p.location()).hasToString(round + "/comments/" + p.body().path("id").asString());
        });
        List<String> ids = posted.stream().map(p -> p.body().path("id").asString()).toList();
        assertThat(Set.copyOf(ids)).hasSize(40);
        JsonNode stored = EventJson.MAPPER.readTree(http.get().uri(round)
                .header("Authorization", TestTokens.coordinator()).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        List<String> storedIds = new ArrayList<>();
        stored.path("comments").forEach(c -> storedIds.add(c.path("id").asString()));
        assertThat(storedIds).containsExactlyInAnyOrderElementsOf(ids);

        List<ConsumerRecord<String, String>> added = TopicReader.read(bootstrap, Topics.STRATEGY_EVENTS,
                records -> commentsAdded(records, opened.round().id()).size() >= 40, PATIENCE);
        List<ConsumerRecord<String, String>> ours = commentsAdded(added, opened.round().id());
        assertThat(ours).allSatisfy(e -> assertThat(EventSchemas.violations(e.value())).isEmpty());
        assertThat(ours).extracting(e -> EventJson.readEnvelope(e.value()).data().path("commentId").asString())
                .containsExactlyInAnyOrderElementsOf(ids);
        // and the relay removed what it sent
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mongo.getCollection("consultation_rounds")
                .find(new Document("_id", opened.round().id())).first().getList("outbox", Document.class)).isEmpty());
    }

    private static List<ConsumerRecord<String, String>> commentsAdded(List<ConsumerRecord<String, String>> records,
            String roundId) {
        return records.stream().filter(r -> roundId.equals(r.key()))
                .filter(r -> ADDED.equals(EventJson.readEnvelope(r.value()).type())).toList();
    }
}
