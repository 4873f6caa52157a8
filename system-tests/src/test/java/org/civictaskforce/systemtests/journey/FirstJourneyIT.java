package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackService;
import org.civictaskforce.devstack.MailMessage;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;

/**
 * The first journey, end to end, as a user does it: everything through the gateway, every service
 * its own OS process, on a real Kafka broker, the MongoDB-wire-compatible store and an SMTP server.
 * Register people in three countries, invite them; each gets the invitation e-mail in their language
 * and an inbox item; research and strategy see the membership events; errors are problems; no
 * personal data appears in any service's log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstJourneyIT {
    static Devstack stack;
    static GatewayClient gateway;

    record Someone(String displayName, String fullName, String email, String country, String language, String zone) {
        String json() {
            return """
                    {"displayName":"%s","fullName":"%s","email":"%s","country":"%s","preferredLanguage":"%s","timeZone":"%s"}"""
                    .formatted(displayName, fullName, email, country, language, zone);
        }
    }

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final Someone ALMATY = new Someone("Dana K.", "Dana Journeytestova", "dana." + RUN + "@example.org", "KZ",
            "ru", "Asia/Almaty");
    static final Someone BISHKEK = new Someone("Timur B.", "Timur Journeytestov", "timur." + RUN + "@example.org", "KG",
            "en", "Asia/Bishkek");
    static final Someone DUSHANBE = new Someone("Nilufar S.", "Nilufar Journeytestzoda", "nilufar." + RUN + "@example.org",
            "TJ", "kk", "Asia/Dushanbe");

    static final Map<Someone, String> ids = new java.util.HashMap<>();
    static String inviteCorrelationId;

    @BeforeAll
    static void startTheWholeSystem() {
        stack = SystemUnderTest.stack();
        gateway = SystemUnderTest.gateway();
    }

    @Test
    @Order(1)
    void registerPeopleInThreeCountries() {
        for (Someone person : List.of(ALMATY, BISHKEK, DUSHANBE)) {
            Answer answer = gateway.post("/api/membership/people", person.json());
            assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
            assertThat(answer.correlationId()).isNotBlank();
            ids.put(person, answer.body().get("id").asString());
        }
        Answer listed = gateway.get("/api/membership/people?country=KG&size=50");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().get("content").findValuesAsString("id")).contains(ids.get(BISHKEK))
                .doesNotContain(ids.get(ALMATY));
    }

    @Test
    @Order(2)
    void inviteThem_eachIsToldInTheirLanguageByEmailAndInbox() {
        inviteCorrelationId = "journey-" + RUN;
        for (Someone person : List.of(ALMATY, BISHKEK, DUSHANBE)) {
            Answer invited = gateway.post("/api/membership/people/" + ids.get(person) + "/invitations", null,
                    person == ALMATY ? inviteCorrelationId : null);
            assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
            assertThat(invited.body().get("status").asString()).isEqualTo("INVITED");
        }
        assertThat(gateway.post("/api/membership/people/" + ids.get(ALMATY) + "/invitations", null).status())
                .as("a second invitation is an impossible transition").isEqualTo(409);

        await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(ALMATY) != null && mailTo(BISHKEK) != null
                && mailTo(DUSHANBE) != null);
        assertThat(cyrillic(mailTo(ALMATY).subject())).as("Russian e-mail for a Russian speaker").isTrue();
        assertThat(cyrillic(mailTo(BISHKEK).subject())).as("English e-mail for an English speaker").isFalse();
        assertThat(cyrillic(mailTo(DUSHANBE).subject())).as("Kazakh falls back to Russian").isTrue();

        for (Someone person : List.of(ALMATY, BISHKEK)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                // only the person themself reads their inbox (they have no role yet: invited, not active)
                Answer inbox = gateway.as(ids.get(person)).get("/api/notifications/inbox/" + ids.get(person));
                assertThat(inbox.status()).isEqualTo(200);
                assertThat(inbox.body().get("content")).hasSize(1);
                assertThat(inbox.body().get("unreadCount").asInt()).isEqualTo(1);
            });
        }
        // exactly once: nothing more arrives for the same invitation
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(stack.mailMessages().stream().filter(m -> m.to().contains(ALMATY.email())).count())
                        .isEqualTo(1));
    }

    @Test
    @Order(3)
    void researchAndStrategyLearnedAboutTheMembersFromEvents() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer research = gateway.get("/api/research/working-group");
            assertThat(research.status()).isEqualTo(200);
            assertThat(research.raw()).contains("\"KZ\"").contains("\"KG\"").contains("\"TJ\"");
            Answer strategy = gateway.get("/api/strategy/participation");
            assertThat(strategy.status()).isEqualTo(200);
            assertThat(strategy.body().get("countries").asInt()).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    @Order(4)
    void everyEventValidatesAgainstItsSchema_carriesNoContactDetails_andTheRequestsCorrelationId() {
        List<ConsumerRecord<String, String>> records = readAll(Topics.MEMBERSHIP_EVENTS, 6);
        assertThat(records).hasSizeGreaterThanOrEqualTo(6);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(EventSchemas.violations(record.value())).as(record.value()).isEmpty();
            for (Someone person : List.of(ALMATY, BISHKEK, DUSHANBE)) {
                assertThat(record.value()).doesNotContain(person.email()).doesNotContain(person.fullName());
            }
        }
        EventEnvelope invitation = records.stream().map(r -> EventJson.readEnvelope(r.value()))
                .filter(e -> e.subject().equals(ids.get(ALMATY)) && e.type().endsWith("member.invited"))
                .findFirst().orElseThrow();
        assertThat(invitation.correlationid()).isEqualTo(inviteCorrelationId);
        ConsumerRecord<String, String> keyed = records.stream()
                .filter(r -> r.value().contains(ids.get(BISHKEK))).findFirst().orElseThrow();
        assertThat(keyed.key()).isEqualTo(ids.get(BISHKEK));
    }

    @Test
    @Order(5)
    void badInputGetsProblemDetailsNeverA500() {
        Answer malformed = gateway.post("/api/membership/people", "{\"displayName\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        Answer invalid = gateway.post("/api/membership/people",
                "{\"displayName\":\"X\",\"email\":\"not-an-email\",\"country\":\"XX\",\"preferredLanguage\":\"ru\",\"timeZone\":\"Mars/Base\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().get("type").asString()).isEqualTo("/problems/validation");
        assertThat(invalid.raw()).doesNotContain("Exception").doesNotContain("at org.");
        Answer unknown = gateway.get("/api/membership/people/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.correlationId()).isNotBlank();
    }

    @Test
    @Order(6)
    void nothingIsLostWhenNotificationServiceIsDownDuringAnInvitation() {
        Someone late = new Someone("Aziz U.", "Aziz Journeytestov", "aziz." + RUN + "@example.org", "UZ", "ru",
                "Asia/Tashkent");
        var notification = stack.process(DevstackService.NOTIFICATION);
        notification.stop();
        Answer registered = gateway.post("/api/membership/people", late.json());
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.body().get("id").asString();
        assertThat(gateway.post("/api/membership/people/" + id + "/invitations", null).status()).isEqualTo(201);
        assertThat(mailTo(late)).isNull();
        notification.startAndAwaitReady(Duration.ofSeconds(180));
        await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(late) != null);
        ids.put(late, id);
    }

    @Test
    @Order(7)
    void noServiceLogsANameOrAnEmailAddress() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (DevstackService service : DevstackService.values()) {
            Path log = stack.logFile(service);
            if (!Files.exists(log)) {
                continue;
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            for (Someone person : ids.keySet()) {
                for (String secret : List.of(person.email(), person.fullName())) {
                    if (text.contains(secret)) {
                        leaks.add(service.module() + " logged " + secret);
                    }
                }
            }
            if (text.matches("(?s).*[A-Za-z0-9._%+-]+@example\\.org.*")) {
                leaks.add(service.module() + " logged an e-mail address");
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(Files.readString(stack.logFile(DevstackService.MEMBERSHIP))).as("logs carry correlation ids")
                .contains(inviteCorrelationId);
    }

    private static MailMessage mailTo(Someone person) {
        return stack.mailMessages().stream().filter(m -> m.to() != null && m.to().contains(person.email()))
                .findFirst().orElse(null);
    }

    private static boolean cyrillic(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic, int atLeast) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "journey-check-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            int quiet = 0;
            while (System.nanoTime() < deadline && (records.size() < atLeast || quiet < 3)) {
                var batch = consumer.poll(Duration.ofMillis(500));
                batch.forEach(records::add);
                quiet = batch.isEmpty() && !consumer.assignment().isEmpty() ? quiet + 1 : 0;
            }
        }
        return records;
    }

    @SuppressWarnings("unused")
    private static JsonNode json(String raw) {
        return GatewayClient.JSON.readTree(raw);
    }
}
