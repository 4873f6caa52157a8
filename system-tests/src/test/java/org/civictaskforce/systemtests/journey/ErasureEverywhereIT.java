package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackService;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * Erasure everywhere (issue 5): a person with data in every service that holds any — an invitation,
 * a meeting invitation with an RSVP and attendance, an inbox item, the research and strategy read
 * models — asks to be erased through the gateway. Afterwards no service database holds their name,
 * e-mail or id anywhere readable, and the latest contact record on the compacted contacts topic is a
 * tombstone.
 *
 * <p><b>To extend</b> when a domain starts keeping data about people: add a {@link Place} to
 * {@link #PLACES} (how to put data about the person there through the gateway, and how to see that it
 * arrived), and if the domain has a new database add it to {@link #DATABASES}. The scan then proves
 * erasure reaches it.
 *
 * <p><b>What may remain, and why</b> ({@link #ALLOWED}): the person's id, and only the id, in
 * <ul>
 * <li>membership {@code people}: the anonymous tombstone itself ({@code _id}, and {@code emailKey}
 * {@code erased:<id>}, which frees the unique e-mail index), so counts stay right and a repeated
 * erasure is recognised;</li>
 * <li>every service's {@code audit_log}: entries hold event ids, types, aggregate ids, times,
 * correlation ids and actor ids — the audit trail must say that (and by whom) a person was erased.</li>
 * </ul>
 * The published events on {@code membership.events.v1} also keep the id (never names or e-mails);
 * Kafka retention removes them. Neither the name nor the e-mail may remain anywhere scanned.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureEverywhereIT {
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    /** A person under test and what the places learnt about them (e.g. a meeting id). */
    static final class Subject {
        final String name;
        final String email;
        String id;
        final Map<String, String> facts = new HashMap<>();

        Subject() {
            this("Zarina Erasetest " + RUN, "zarina.erase." + RUN + "@example.org");
        }

        /** Another test's person (BackOfficeBrowserIT), seeded by the same {@link #PLACES}. */
        Subject(String name, String email) {
            this.name = name;
            this.email = email;
        }
    }

    /** One place in the system that holds data about people: how to put some there, how to see it arrived. */
    record Place(String name, BiPredicate<GatewayClient, Subject> seed, PresenceCheck present) {
    }

    @FunctionalInterface
    interface PresenceCheck {
        boolean holds(GatewayClient gateway, Map<String, MongoDatabase> databases, Subject subject);
    }

    /** The service databases scanned after erasure. */
    static final List<DevstackService> DATABASES = List.of(DevstackService.MEMBERSHIP, DevstackService.RESEARCH,
            DevstackService.STRATEGY, DevstackService.NOTIFICATION, DevstackService.IDENTITY);

    /** Where the id (never the name or e-mail) may remain: (database, collection, document) → allowed. */
    static final List<Allowed> ALLOWED = List.of(
            new Allowed("membership", "people", (doc, s) -> s.id.equals(doc.get("_id"))),
            new Allowed(null, "audit_log", (doc, s) -> true));

    record Allowed(String database, String collection, BiPredicate<Document, Subject> matches) {
        boolean covers(String db, String coll, Document doc, Subject subject) {
            return (database == null || database.equals(db)) && collection.equals(coll) && matches.test(doc, subject);
        }
    }

    /** Each domain adds what it keeps about people. Order matters: later places may use earlier facts. */
    static final List<Place> PLACES = List.of(
            new Place("membership: an invitation, consent and activation", (g, s) -> {
                g.post("/api/membership/people/" + s.id + "/invitations", null);
                g.as(s.id).post("/api/membership/people/" + s.id + "/invitation/accept", null);
                g.as(s.id).post("/api/membership/people/" + s.id + "/consent",
                        "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\"]}");
                return g.post("/api/membership/people/" + s.id + "/activate", null).status() == 200;
            }, (g, dbs, s) -> "ACTIVE".equals(g.get("/api/membership/people/" + s.id).body().get("status").asString())),
            new Place("membership: a meeting invitation, an RSVP and attendance", (g, s) -> {
                Instant start = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
                Answer meeting = g.post("/api/membership/meetings", """
                        {"title":"Erasure meeting %s","kind":"DISCUSSION","startsAt":"%s","timeZone":"Asia/Almaty",\
                        "durationMinutes":30}""".formatted(RUN, start));
                String meetingId = meeting.body().get("id").asString();
                s.facts.put("meetingId", meetingId);
                g.post("/api/membership/meetings/" + meetingId + "/invitations", "{\"personIds\":[\"" + s.id + "\"]}");
                g.as(s.id, Role.EXPERT).post("/api/membership/meetings/" + meetingId + "/rsvp",
                        "{\"personId\":\"" + s.id + "\",\"response\":\"YES\"}");
                await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(start.plusSeconds(1)));
                return g.post("/api/membership/meetings/" + meetingId + "/attendance",
                        "{\"attendeeIds\":[\"" + s.id + "\"]}").status() == 200;
            }, (g, dbs, s) -> g.get("/api/membership/meetings/" + s.facts.get("meetingId")).raw().contains(s.id)),
            new Place("identity: an account from an enrolment link, and working-group roles", (g, s) -> {
                g.as(s.id, Role.EXPERT); // enrols, signs in, and waits until the token carries the role
                return true;
            }, (g, dbs, s) -> dbs.get("identity").getCollection("accounts")
                    .countDocuments(new Document("personId", s.id)) == 1
                    && dbs.get("identity").getCollection("person_roles").countDocuments(new Document("_id", s.id)) == 1),
            new Place("notification: recipient and inbox item (the invitation)", (g, s) -> true,
                    (g, dbs, s) -> g.as(s.id).get("/api/notifications/inbox/" + s.id).raw().contains("\"read\":false")
                            && dbs.get("notification").getCollection("recipients")
                                    .countDocuments(new Document("_id", s.id)) == 1),
            new Place("research: members read model", (g, s) -> true,
                    (g, dbs, s) -> dbs.get("research").getCollection("members")
                            .countDocuments(new Document("_id", s.id)) == 1),
            new Place("research: an assignment (expert × country × institution × strand)", (g, s) -> {
                String body = "{\"expertId\":\"" + s.id + "\",\"country\":\"KZ\",\"institutionId\":\"ebrd\","
                        + "\"strand\":\"LEGAL_AND_POLITICAL_RELATIONS\",\"dueDate\":\""
                        + java.time.LocalDate.now().plusDays(20) + "\"}";
                // research learns about the person from membership's events first
                await().atMost(Duration.ofSeconds(30)).until(() -> g.post("/api/research/assignments", body).status() == 201);
                return true;
            }, (g, dbs, s) -> dbs.get("research").getCollection("assignments")
                    .countDocuments(new Document("expertId", s.id)) == 1),
            new Place("research: the expert's own finding with a coordinator's review comment", (g, s) -> {
                String assignment = g.get("/api/research/assignments?expertId=" + s.id).body().get("content").get(0)
                        .get("id").asString();
                s.facts.put("assignmentId", assignment);
                GatewayClient expert = g.as(s.id, Role.EXPERT);
                expert.post("/api/research/assignments/" + assignment + "/start", null);
                Answer finding = expert.post("/api/research/assignments/" + assignment + "/findings", """
                        {"statement":"Erasure finding","confidence":"low","evidence":[{"link":"https://example.org",\
                        "accessedOn":"2026-11-01"}]}""");
                return finding.status() == 201 && g.post("/api/research/findings/" + finding.body().get("id").asString()
                        + "/comments", "{\"text\":\"Reviewed\"}").status() == 200;
            }, (g, dbs, s) -> dbs.get("research").getCollection("findings")
                    .countDocuments(new Document("assignmentId", s.facts.get("assignmentId"))) == 1),
            new Place("notification: working-group roles (who is an active coordinator)", (g, s) -> true,
                    (g, dbs, s) -> dbs.get("notification").getCollection("working_group_roles")
                            .countDocuments(new Document("_id", s.id)) == 1),
            new Place("strategy: participants read model", (g, s) -> true,
                    (g, dbs, s) -> dbs.get("strategy").getCollection("participants")
                            .countDocuments(new Document("_id", s.id)) == 1),
            new Place("strategy: a consultation comment and a guide translator assignment", (g, s) -> {
                g.post("/api/strategy/versions", null); // a new draft, or 409 when one is open already
                var versions = GatewayClient.JSON.readTree(g.get("/api/strategy/versions").raw());
                int draft = -1;
                for (var v : versions) {
                    if ("DRAFT".equals(v.get("status").asString())) {
                        draft = v.get("version").asInt();
                    }
                }
                Answer round = g.post("/api/strategy/consultations", """
                        {"subjectKind":"STRATEGY_VERSION","subjectRef":"%d","deadline":"%s","timeZone":"Asia/Almaty",\
                        "invitedPeople":["%s"]}""".formatted(draft, java.time.LocalDateTime.now().plusDays(2)
                        .truncatedTo(ChronoUnit.SECONDS), s.id));
                s.facts.put("roundId", round.body().get("id").asString());
                Answer comment = g.as(s.id, org.civictaskforce.platform.security.Role.EXPERT).post(
                        "/api/strategy/consultations/" + s.facts.get("roundId") + "/comments",
                        "{\"sectionKey\":\"context\",\"text\":\"A comment by the erased person\"}");
                return comment.status() == 201
                        && g.put("/api/strategy/guide/translators/ky/" + s.id, null).status() == 200;
            }, (g, dbs, s) -> dbs.get("strategy").getCollection("consultation_rounds")
                    .countDocuments(new Document("comments.authorId", s.id)) == 1
                    && g.get("/api/strategy/guide/translators").raw().contains(s.id)));

    GatewayClient gateway;
    Devstack stack;
    MongoClient mongo;
    Map<String, MongoDatabase> databases;
    final Subject subject = new Subject();

    @BeforeAll
    void start() {
        stack = SystemUnderTest.stack();
        gateway = SystemUnderTest.gateway();
        mongo = MongoClients.create(stack.mongoUri("admin"));
        databases = new HashMap<>();
        for (DevstackService service : DATABASES) {
            databases.put(service.database(), mongo.getDatabase(service.database()));
        }
    }

    @Test
    @Order(1)
    void thePersonHasDataInEveryPlace() {
        Answer registered = gateway.post("/api/membership/people", """
                {"displayName":"%s","fullName":"%s Full","email":"%s","country":"KZ","preferredLanguage":"ru",\
                "timeZone":"Asia/Almaty","roles":["EXPERT"]}""".formatted(subject.name, subject.name, subject.email));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        subject.id = registered.body().get("id").asString();
        for (Place place : PLACES) {
            assertThat(place.seed().test(gateway, subject)).as("seeding " + place.name()).isTrue();
        }
        for (Place place : PLACES) {
            await(place.name()).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> place.present().holds(gateway, databases, subject));
        }
        assertThat(findings()).as("before erasure the scan finds the person").isNotEmpty();
    }

    @Test
    @Order(2)
    void erasureThroughTheGatewayIsAcceptedAndRepeatable() {
        // the person's own token, still valid for minutes: it works until the erasure, and not a second after
        String ownToken = SystemUnderTest.identities().bearer(subject.id, Role.EXPERT);
        String preferences = "/api/notifications/preferences/" + subject.id;
        assertThat(status(stack.gatewayUrl() + preferences, ownToken)).isEqualTo(200);

        Answer erased = gateway.post("/api/membership/people/" + subject.id + "/erasure", null);
        assertThat(erased.status()).as(erased.raw()).isEqualTo(202);
        Instant erasedAt = Instant.now();
        await("the old token refused at the gateway and at a service reached directly").atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50)).until(() -> status(stack.gatewayUrl() + preferences, ownToken) == 401
                        && status(stack.serviceUrl(DevstackService.NOTIFICATION) + preferences, ownToken) == 401);
        assertThat(Duration.between(erasedAt, Instant.now())).isLessThan(Duration.ofSeconds(1));
        assertThat(erased.body().get("status").asString()).isEqualTo("ERASED");
        Answer again = gateway.post("/api/membership/people/" + subject.id + "/erasure", null);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().toString()).isEqualTo(erased.body().toString());
    }

    @Test
    @Order(3)
    void noServiceDatabaseHoldsAnythingReadableAboutThem() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(findings()).isEmpty());
        // the tombstone is still there: counts stay right
        Document tombstone = databases.get("membership").getCollection("people")
                .find(new Document("_id", subject.id)).first();
        assertThat(tombstone).isNotNull();
        assertThat(tombstone.getString("status")).isEqualTo("ERASED");
        // and the identity provider's account is gone: they can no longer sign in
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SystemUnderTest.identities().currentRoles(subject.id))
                .hasMessageContaining("sign-in refused");
    }

    @Test
    @Order(4)
    void theLatestContactRecordIsATombstone() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, ConsumerRecord<String, String>> latest = latestContactPerKey();
            assertThat(latest).containsKey(subject.id);
            assertThat(latest.get(subject.id).value()).isNull();
        });
    }

    /** Every readable occurrence of the name, e-mail or id outside the allowed places, as "db.collection: doc". */
    private List<String> findings() {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, MongoDatabase> db : databases.entrySet()) {
            for (String collection : db.getValue().listCollectionNames()) {
                for (Document doc : db.getValue().getCollection(collection).find()) {
                    String json = doc.toJson();
                    boolean personal = json.contains(subject.name) || json.contains(subject.email)
                            || json.contains("Erasetest " + RUN);
                    boolean id = json.contains(subject.id);
                    boolean allowed = ALLOWED.stream().anyMatch(a -> a.covers(db.getKey(), collection, doc, subject));
                    if (personal || (id && !allowed)) {
                        found.add(db.getKey() + "." + collection + ": " + json);
                    }
                }
            }
        }
        return found;
    }

    private Map<String, ConsumerRecord<String, String>> latestContactPerKey() {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "erasure-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Map<String, ConsumerRecord<String, String>> latest = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MEMBERSHIP_CONTACTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(record.key(), record);
                }
            }
        }
        return latest;
    }

    private static int status(String url, String authorization) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url)).header("Authorization", authorization).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
