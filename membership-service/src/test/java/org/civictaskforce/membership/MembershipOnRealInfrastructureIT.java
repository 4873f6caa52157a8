package org.civictaskforce.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The register + invite journey on real Kafka and real MongoDB (containers). Skipped where there is
 * no Docker; CI with Docker runs it.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MembershipOnRealInfrastructureIT {
    private static final String PEOPLE = "/api/membership/people";

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0.4");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("membership"));
    }

    @LocalServerPort
    int port;

    @Test
    void registerAndInvitePublishEventsAndTheContactRecord() {
        Api api = new Api(port);
        String correlationId = "containers-" + UUID.randomUUID();
        String email = "real-" + UUID.randomUUID() + "@example.org";

        Api.Response registered = api.post(PEOPLE, Api.person("Real", email, "UZ", "uz", "Asia/Samarkand"),
                "X-Correlation-Id", correlationId);
        assertThat(registered.status()).isEqualTo(201);
        String personId = registered.json().get("id").asString();
        assertThat(api.post(PEOPLE + "/" + personId + "/invitations", null, "X-Correlation-Id", correlationId)
                .status()).isEqualTo(201);
        assertThat(api.post(PEOPLE + "/" + personId + "/invitations", null).status()).isEqualTo(409);
        assertThat(api.post(PEOPLE, Api.person("Again", email.toUpperCase(), "UZ", "uz", "Asia/Samarkand"))
                .status()).as("unique e-mail index on real MongoDB").isEqualTo(409);

        List<ConsumerRecord<String, String>> events = ofPerson(TopicReader.read(KAFKA.getBootstrapServers(),
                Topics.MEMBERSHIP_EVENTS, r -> ofPerson(r, personId).size() >= 2, Duration.ofSeconds(60)), personId);
        assertThat(events).extracting(r -> EventJson.readEnvelope(r.value()).type()).containsExactly(
                EventTypes.typeOf(PersonRegistered.class), EventTypes.typeOf(MemberInvited.class));
        for (ConsumerRecord<String, String> event : events) {
            assertThat(EventSchemas.violations(event.value())).isEmpty();
            assertThat(EventJson.readEnvelope(event.value()).correlationid()).isEqualTo(correlationId);
            assertThat(event.value()).doesNotContain(email, "Real Example");
        }

        List<ConsumerRecord<String, String>> contacts = ofPerson(TopicReader.read(KAFKA.getBootstrapServers(),
                Topics.MEMBERSHIP_CONTACTS, r -> !ofPerson(r, personId).isEmpty(), Duration.ofSeconds(60)), personId);
        assertThat(contacts).isNotEmpty();
        assertThat(EventSchemas.violations("/schemas/membership.contact.v1.json", contacts.get(0).value())).isEmpty();
    }

    private static List<ConsumerRecord<String, String>> ofPerson(List<ConsumerRecord<String, String>> records,
            String personId) {
        return records.stream().filter(r -> personId.equals(r.key())).toList();
    }
}
