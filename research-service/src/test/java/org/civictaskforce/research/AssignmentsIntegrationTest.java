package org.civictaskforce.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.platform.testing.TopicReader;
import org.civictaskforce.research.persistence.MemberDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.jayway.jsonpath.JsonPath;

/** Research assignments through the API: validation, rules, lifecycle, warnings, events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = Topics.MEMBERSHIP_EVENTS,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class AssignmentsIntegrationTest {
    private static final String DUE = LocalDate.now().plusDays(30).toString();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("research-assign-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    MongoTemplate mongo;

    RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    private String member(String country) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("country", country).append("status", "INVITED"),
                MemberDocument.COLLECTION);
        return id;
    }

    private String body(String expertId, String country, String institutionId, String strand) {
        return """
                {"expertId":"%s","country":"%s","institutionId":"%s","strand":"%s","dueDate":"%s"}
                """.formatted(expertId, country, institutionId, strand, DUE);
    }

    private String assign(String expertId, String country) {
        String answer = http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(body(expertId, country, "wb", "STANDARDS_AND_RULES")).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        return JsonPath.read(answer, "$.id");
    }

    private void move(String id, String action, int expected) {
        http.post().uri("/api/research/assignments/" + id + "/" + action).exchange().expectStatus()
                .isEqualTo(expected);
    }

    @Test
    void anAssignmentGoesThroughItsLifecycleAndImpossibleStepsAre409() {
        String expert = member("KG");
        http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(body(expert, "kg", "ebrd", "ADVOCACY_TOOLS_AND_PRACTICES")).exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).startsWith("/api/research/assignments/"))
                .expectBody()
                .jsonPath("$.status").isEqualTo("ASSIGNED")
                .jsonPath("$.country").isEqualTo("KG")
                .jsonPath("$.strand").isEqualTo("ADVOCACY_TOOLS_AND_PRACTICES")
                .jsonPath("$.dueDate").isEqualTo(DUE)
                .jsonPath("$.warnings").isEmpty();
        String id = assign(expert, "KG");

        move(id, "submit", 409);
        move(id, "accept", 409);
        move(id, "start", 200);
        move(id, "start", 409);
        move(id, "submit", 200);
        move(id, "return", 200);
        move(id, "submit", 200);
        move(id, "return", 200);
        move(id, "start", 200);
        move(id, "submit", 200);
        move(id, "accept", 200);
        move(id, "return", 409);
        http.post().uri("/api/research/assignments/" + id + "/start").exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        http.get().uri("/api/research/assignments/" + id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACCEPTED");

        List<ConsumerRecord<String, String>> events = TopicReader.read(bootstrap, Topics.RESEARCH_EVENTS,
                r -> r.stream().filter(c -> id.equals(c.key())).count() >= 9, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> mine = events.stream().filter(c -> id.equals(c.key())).toList();
        assertThat(mine).hasSize(9);
        assertThat(mine).allSatisfy(c -> {
            assertThat(EventSchemas.violations(c.value())).isEmpty();
            assertThat(c.value()).doesNotContain("INVITED");
        });
        assertThat(mine.get(0).value()).contains("org.civictaskforce.research.assignment.created");
        assertThat(mine.get(8).value()).contains("\"to\":\"ACCEPTED\"");
    }

    @Test
    void aFourthExpertInACountryIsWarnedNotRefused() {
        for (int i = 0; i < 3; i++) {
            http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                    .body(body(member("TJ"), "TJ", "adb", "STANDARDS_AND_RULES")).exchange()
                    .expectStatus().isCreated().expectBody().jsonPath("$.warnings").isEmpty();
        }
        http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(body(member("TJ"), "TJ", "adb", "STANDARDS_AND_RULES")).exchange()
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.warnings.length()").isEqualTo(1)
                .jsonPath("$.warnings[0]").value(w -> assertThat((String) w).contains("TJ now has 4 experts"));
    }

    @Test
    void invalidRequestsAre400UnknownThingsAre422Or404() {
        http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body("{\"expertId\":\"\",\"country\":\"Kazakhstan\",\"institutionId\":\"World Bank\","
                        + "\"strand\":\"STANDARDS_AND_RULES\",\"dueDate\":\"2020-01-01\"}")
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(4);
        http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(body("nobody-" + UUID.randomUUID(), "KZ", "wb", "STANDARDS_AND_RULES")).exchange()
                .expectStatus().isEqualTo(422);
        http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(body(member("KZ"), "KZ", "world-bank", "STANDARDS_AND_RULES")).exchange()
                .expectStatus().isEqualTo(422);
        http.post().uri("/api/research/assignments").contentType(MediaType.APPLICATION_JSON)
                .body(body(member("KZ"), "RU", "wb", "STANDARDS_AND_RULES")).exchange()
                .expectStatus().isEqualTo(422);
        http.get().uri("/api/research/assignments/no-such-id").exchange().expectStatus().isNotFound();
        http.post().uri("/api/research/assignments/no-such-id/start").exchange().expectStatus().isNotFound();
    }

    @Test
    void assignmentsArePaginatedAndFiltered() {
        String expert = member("UZ");
        for (int i = 0; i < 3; i++) {
            assign(expert, "UZ");
        }
        http.get().uri("/api/research/assignments?country=uz&size=2&page=1").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(1)
                .jsonPath("$.content[0].country").isEqualTo("UZ")
                .jsonPath("$.page.totalElements").isEqualTo(3)
                .jsonPath("$.page.totalPages").isEqualTo(2);
        http.get().uri("/api/research/assignments?expertId=" + expert + "&status=ASSIGNED").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.page.totalElements").isEqualTo(3);
        http.get().uri("/api/research/assignments?size=0").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/research/assignments?status=DONE").exchange().expectStatus().isBadRequest();
    }
}
