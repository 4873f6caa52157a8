package org.civictaskforce.notification;

import static org.civictaskforce.notification.Mails.addressedTo;
import static org.civictaskforce.notification.Mails.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.PersonContact;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.notification.application.NotificationMetrics;
import org.civictaskforce.notification.persistence.InboxItemDocument;
import org.civictaskforce.notification.application.InboxStore;
import org.civictaskforce.notification.application.NotificationStore;
import org.civictaskforce.notification.application.RecipientStore;
import org.civictaskforce.notification.web.InboxPush;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.platform.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.civictaskforce.platform.security.TestTokens;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The whole journey against a real Kafka broker, the wire-compatible store and a real SMTP server:
 * events and contact records are published as membership-service publishes them.
 */
@DirtiesContext // closed when the class ends, while the shared Mongo server still runs (README, Tests)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "notification.dispatch.interval=200ms",
        "spring.cloud.stream.default.consumer.max-attempts=2",
        "spring.cloud.stream.default.consumer.back-off-initial-interval=100" })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = { Topics.MEMBERSHIP_EVENTS, Topics.MEMBERSHIP_CONTACTS })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationFlowIT {
    private static final int SMTP_PORT = freePort();
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String MEMBER_INVITED = EventTypes.typeOf(MemberInvited.class);
    private static final Instant EXPIRES = Instant.parse("2026-12-12T12:00:00Z");
    private static final String DLT = Topics.deadLetter(Topics.MEMBERSHIP_EVENTS, "notification-service");

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    /** Everything this service logs while the tests run, to prove it logs no contact details. */
    private static final List<ILoggingEvent> LOGGED = new CopyOnWriteArrayList<>();
    private static final CapturingAppender CAPTURE = new CapturingAppender();
    /** Every address and name the tests used. */
    private static final List<String> CONTACT_DETAILS = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("notification-flow-it"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;

    /** Requests as a coordinator unless a test says otherwise (the service checks tokens like any other). */
    private static MockHttpServletRequestBuilder get(String uri, Object... vars) {
        return MockMvcRequestBuilders.get(uri, vars).header("Authorization", TestTokens.coordinator());
    }

    private static MockHttpServletRequestBuilder post(String uri, Object... vars) {
        return MockMvcRequestBuilders.post(uri, vars).header("Authorization", TestTokens.coordinator());
    }

    private static MockHttpServletRequestBuilder put(String uri, Object... vars) {
        return MockMvcRequestBuilders.put(uri, vars).header("Authorization", TestTokens.coordinator());
    }

    /** Requests as the signed-in person themself (their inbox, preferences and webhook are theirs alone). */
    private static MockHttpServletRequestBuilder getAs(String personId, String uri, Object... vars) {
        return MockMvcRequestBuilders.get(uri, vars).header("Authorization", TestTokens.person(personId));
    }

    private static MockHttpServletRequestBuilder postAs(String personId, String uri, Object... vars) {
        return MockMvcRequestBuilders.post(uri, vars).header("Authorization", TestTokens.person(personId));
    }

    private static MockHttpServletRequestBuilder putAs(String personId, String uri, Object... vars) {
        return MockMvcRequestBuilders.put(uri, vars).header("Authorization", TestTokens.person(personId));
    }
    @Autowired
    NotificationStore notifications;
    @Autowired
    RecipientStore recipients;
    @Autowired
    InboxStore inbox;
    @Autowired
    MeterRegistry meters;
    @Autowired
    InboxPush push;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @LocalServerPort
    int port;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void setUp() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(CapturingAppender.NAME) == null) { // Boot resets logging when the context starts
            CAPTURE.setName(CapturingAppender.NAME);
            CAPTURE.setContext(root.getLoggerContext());
            CAPTURE.start();
            root.addAppender(CAPTURE);
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** Each test has its own instance, so its own producer: closed, not left reconnecting to a closed broker. */
    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @AfterAll
    static void detach() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(CapturingAppender.NAME);
    }

    @Test
    @Order(1)
    void eachPersonIsWrittenToInTheirLanguageWithRussianAsTheFallback() throws Exception {
        Person russian = person("ru", "Asia/Tashkent", "Тимур Рахимов");
        Person english = person("en", "Europe/London", "Dana Smith");
        Person kazakh = person("kk", "Asia/Bishkek", "Айгерим Нурланова");
        Person azeri = person("az", "Asia/Bishkek", "Aysel Mammadova");
        for (Person p : List.of(russian, english, kazakh, azeri)) {
            publishContact(p);
            publishInvitation(UUID.randomUUID().toString(), p);
        }

        MimeMessage ru = awaitOneMailTo(russian);
        assertThat(ru.getSubject()).isEqualTo("Приглашение в Рабочую группу по устойчивому развитию в Центральной Азии");
        assertThat(ru.getHeader("Subject")[0]).as("encoded as UTF-8").containsIgnoringCase("=?UTF-8?");
        Part ruText = part(ru, "text/plain");
        assertThat(ruText.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) ruText.getContent())
                .contains("Здравствуйте, Тимур Рахимов!")
                .contains("Рабочей группе организаций гражданского общества по устойчивому развитию в Центральной Азии")
                .contains("Приглашение действительно до 12 декабря 2026, 17:00 (Asia/Tashkent, UTC+05:00)");
        assertThat((String) part(ru, "text/html").getContent()).contains("<html lang=\"ru\">")
                .contains("12 декабря 2026, 17:00");
        assertThat(ru.getMessageID()).isEqualTo("<" + notificationIdOf(russian).replace(':', '.') + "@civic-taskforce>");
        assertThat(ru.getFrom()[0].toString()).contains("no-reply@civic-taskforce.example");

        MimeMessage en = awaitOneMailTo(english);
        assertThat(en.getSubject()).isEqualTo("Invitation to the Working Group on sustainable development in Central Asia");
        assertThat((String) part(en, "text/plain").getContent()).contains("Dear Dana Smith,")
                .contains("valid until 12 December 2026, 12:00 (Europe/London, UTC)");

        MimeMessage kk = awaitOneMailTo(kazakh);
        assertThat(kk.getSubject()).isEqualTo("Орталық Азиядағы тұрақты даму жөніндегі Жұмыс тобына шақыру");
        assertThat((String) part(kk, "text/plain").getContent())
                .contains("Шақыру 12 желтоқсан 2026, 18:00 (Asia/Bishkek, UTC+06:00) дейін жарамды");

        MimeMessage az = awaitOneMailTo(azeri); // no Azerbaijani templates: Russian
        assertThat(az.getSubject()).startsWith("Приглашение в Рабочую группу");
        assertThat((String) part(az, "text/plain").getContent())
                .contains("до 12 декабря 2026, 18:00 (Asia/Bishkek, UTC+06:00)");

        // the inbox: one unread item in Russian, then read
        awaitInboxItems(russian, 1);
        String itemId = notificationIdOf(russian) + ":inbox";
        mvc.perform(getAs(russian.id, "/api/notifications/inbox/{personId}", russian.id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].id").value(itemId))
                .andExpect(jsonPath("$.content[0].subject")
                        .value("Приглашение в Рабочую группу по устойчивому развитию в Центральной Азии"))
                .andExpect(jsonPath("$.content[0].language").value("ru"))
                .andExpect(jsonPath("$.content[0].read").value(false))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.page.size").value(20))
                .andExpect(jsonPath("$.unreadCount").value(1));
        mvc.perform(postAs(russian.id, "/api/notifications/inbox/{personId}/items/{itemId}/read", russian.id, itemId))
                .andExpect(status().isNoContent());
        mvc.perform(getAs(russian.id, "/api/notifications/inbox/{personId}", russian.id))
                .andExpect(jsonPath("$.content[0].read").value(true))
                .andExpect(jsonPath("$.unreadCount").value(0));

        awaitInboxItems(kazakh, 1);
        mvc.perform(getAs(kazakh.id, "/api/notifications/inbox/{personId}", kazakh.id))
                .andExpect(jsonPath("$.content[0].language").value("kk"));
        awaitInboxItems(azeri, 1);
        mvc.perform(getAs(azeri.id, "/api/notifications/inbox/{personId}", azeri.id))
                .andExpect(jsonPath("$.content[0].language").value("ru"));
        // someone else's item cannot be marked through this person's inbox
        mvc.perform(postAs(english.id, "/api/notifications/inbox/{personId}/items/{itemId}/read", english.id, itemId))
                .andExpect(status().isNotFound());
    }

    @Test
    @Order(2)
    void contactDetailsArrivingAfterTheEventStillLeadToDelivery() throws Exception {
        Person late = person("en", "Asia/Almaty", "Late Comer");
        publishInvitation(UUID.randomUUID().toString(), late);

        await().atMost(WAIT).untilAsserted(() -> assertThat(notifications.find(notificationIdOf(late)))
                .hasValueSatisfying(n -> assertThat(n.deliveries().get("EMAIL").reason())
                        .isEqualTo("waiting for contact details")));
        assertThat(mailsTo(late)).isEmpty();

        publishContact(late);

        awaitOneMailTo(late);
        awaitInboxItems(late, 1);
    }

    @Test
    @Order(3)
    void theSameEventDeliveredTwiceSendsOneMailAndMakesOneInboxItem() throws Exception {
        Person p = person("ru", "Asia/Dushanbe", "Дилноза");
        publishContact(p);
        String eventId = UUID.randomUUID().toString();
        String envelope = invitation(eventId, p);
        publish(Topics.MEMBERSHIP_EVENTS, p.id, envelope);
        publish(Topics.MEMBERSHIP_EVENTS, p.id, envelope);
        // a later event for the same person (same key, same partition) proves the duplicate was consumed
        publishInvitation(UUID.randomUUID().toString(), p);

        await().atMost(WAIT).until(() -> mailsTo(p).size() >= 2);
        await().atMost(WAIT).until(() -> inbox.countOf(p.id) >= 2);
        // a marker taken in and delivered after the first two: the dispatcher has had its passes since, so a second
        // mail for the duplicate would have been sent by the time the marker's arrives
        publishInvitation(UUID.randomUUID().toString(), p);
        await().atMost(WAIT).until(() -> mailsTo(p).size() >= 3);
        await().atMost(WAIT).until(() -> inbox.countOf(p.id) >= 3);
        assertThat(mailsTo(p)).hasSize(3);
        assertThat(Arrays.stream(mailsTo(p).toArray(MimeMessage[]::new)).map(m -> messageId(m)).distinct())
                .hasSize(3);
        assertThat(inbox.countOf(p.id)).isEqualTo(3);
    }

    @Test
    @Order(4)
    void aMalformedRecordIsParkedAndTheNextEventIsStillDelivered() throws Exception {
        Person p = person("en", "UTC", "Parked Person");
        publishContact(p);
        publish(Topics.MEMBERSHIP_EVENTS, p.id, "this is not JSON {");
        publishInvitation(UUID.randomUUID().toString(), p);

        List<ConsumerRecord<String, String>> parked = TopicReader.read(bootstrap, DLT,
                records -> records.stream().anyMatch(r -> p.id.equals(r.key())), WAIT);
        ConsumerRecord<String, String> record = parked.stream().filter(r -> p.id.equals(r.key())).findFirst()
                .orElseThrow();
        assertThat(record.value()).isEqualTo("this is not JSON {");
        Header reason = record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not an event envelope");

        awaitOneMailTo(p);
        mvc.perform(get("/admin/dead-letters"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key == '" + p.id + "')].reason").isNotEmpty());
    }

    @Test
    @Order(5)
    void aMalformedContactRecordIsSkippedNotParkedSoNoContactDataLingersInADeadLetterTopic() throws Exception {
        Person p = person("en", "UTC", "Skipped Person");
        publish(Topics.MEMBERSHIP_CONTACTS, p.id, "{\"personId\": \"" + p.id + "\", \"email\": \"" + p.email);
        publishContact(p); // the next record for the same person is still read

        await().atMost(WAIT).untilAsserted(() -> assertThat(recipients.find(p.id)).isPresent());
        List<ConsumerRecord<String, String>> parked = TopicReader.read(bootstrap,
                Topics.deadLetter(Topics.MEMBERSHIP_CONTACTS, "notification-service"), records -> false,
                Duration.ofSeconds(3));
        assertThat(parked).noneMatch(r -> p.id.equals(r.key()));
    }

    @Test
    @Order(6)
    void otherEventTypesAreIgnored() throws Exception {
        Person p = person("en", "UTC", "Registered Only");
        publishContact(p);
        String eventId = UUID.randomUUID().toString();
        PersonRegistered registered = new PersonRegistered(p.id, "KZ", "en", Instant.now());
        publish(Topics.MEMBERSHIP_EVENTS, p.id, envelope(eventId, EventTypes.typeOf(PersonRegistered.class), p.id,
                registered));
        publishInvitation(UUID.randomUUID().toString(), p); // after it on the same partition

        awaitOneMailTo(p);
        assertThat(notifications.find(eventId + ":" + p.id)).isEmpty();
    }

    @Test
    @Order(7)
    void aTombstoneRemovesTheRecipientAndTheirInbox() throws Exception {
        Person p = person("ru", "Asia/Tashkent", "Стираемый Человек");
        publishContact(p);
        publishInvitation(UUID.randomUUID().toString(), p);
        awaitInboxItems(p, 1);
        assertThat(recipients.find(p.id)).isPresent();

        publish(Topics.MEMBERSHIP_CONTACTS, p.id, null);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(recipients.find(p.id)).isEmpty();
            assertThat(inbox.countOf(p.id)).isZero();
        });
        mvc.perform(getAs(p.id, "/api/notifications/inbox/{personId}", p.id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(0)))
                .andExpect(jsonPath("$.unreadCount").value(0));
    }

    @Test
    @Order(8)
    void badRequestsAreAnsweredAsProblemsNotErrors() throws Exception {
        mvc.perform(get("/api/notifications/deliveries").param("size", "0")).andExpect(status().isBadRequest());
        mvc.perform(getAs("p1", "/api/notifications/inbox/{personId}", "p1").param("page", "x"))
                .andExpect(status().isBadRequest());
        mvc.perform(postAs("p1", "/api/notifications/inbox/{personId}/items/{itemId}/read", "p1", "nope"))
                .andExpect(status().isNotFound());
    }

    @Test
    @Order(9)
    void preferencesAreReadAndReplacedAndAnErasedPersonsAreForgotten() throws Exception {
        Person p = person("ru", "Asia/Tashkent", "Настройки Человек");
        mvc.perform(getAs(p.id, "/api/notifications/preferences/{personId}", p.id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channels.EMAIL").value(true))
                .andExpect(jsonPath("$.channels.INBOX").value(true))
                .andExpect(jsonPath("$.emailCadence").value("IMMEDIATE"))
                .andExpect(jsonPath("$.digestTime").value("08:00"))
                .andExpect(jsonPath("$.quietHours").doesNotExist());

        String wishes = """
                {"channels":{"EMAIL":false},"emailCadence":"DAILY_DIGEST","digestTime":"07:30",
                 "quietHours":{"from":"22:00","to":"07:00"},"timeZone":"Asia/Bishkek"}""";
        mvc.perform(putAs(p.id, "/api/notifications/preferences/{personId}", p.id).contentType(MediaType.APPLICATION_JSON)
                .content(wishes))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channels.EMAIL").value(false))
                .andExpect(jsonPath("$.channels.INBOX").value(true));
        mvc.perform(getAs(p.id, "/api/notifications/preferences/{personId}", p.id))
                .andExpect(jsonPath("$.channels.EMAIL").value(false))
                .andExpect(jsonPath("$.emailCadence").value("DAILY_DIGEST"))
                .andExpect(jsonPath("$.digestTime").value("07:30"))
                .andExpect(jsonPath("$.quietHours.from").value("22:00"))
                .andExpect(jsonPath("$.quietHours.to").value("07:00"))
                .andExpect(jsonPath("$.timeZone").value("Asia/Bishkek"));

        for (String bad : List.of("{\"emailCadence\":\"IMMEDIATE\",\"timeZone\":\"Mars/Olympus\"}",
                "{\"emailCadence\":\"IMMEDIATE\",\"quietHours\":{\"from\":\"22:00\",\"to\":\"22:00\"}}",
                "{\"emailCadence\":\"HOURLY\"}")) {
            mvc.perform(putAs(p.id, "/api/notifications/preferences/{personId}", p.id)
                    .contentType(MediaType.APPLICATION_JSON).content(bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").exists());
        }
        // JSON of the right shape that breaks a field's rule
        for (String invalid : List.of("{\"emailCadence\":\"IMMEDIATE\",\"digestTime\":\"25:00\"}",
                "{\"channels\":{\"EMAIL\":true}}")) {
            mvc.perform(putAs(p.id, "/api/notifications/preferences/{personId}", p.id)
                    .contentType(MediaType.APPLICATION_JSON).content(invalid))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/problems/validation")));
        }

        publishContact(p);
        await().atMost(WAIT).untilAsserted(() -> assertThat(recipients.find(p.id)).isPresent());
        publish(Topics.MEMBERSHIP_CONTACTS, p.id, null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(recipients.find(p.id)).isEmpty());
        mvc.perform(getAs(p.id, "/api/notifications/preferences/{personId}", p.id))
                .andExpect(jsonPath("$.channels.EMAIL").value(true))
                .andExpect(jsonPath("$.emailCadence").value("IMMEDIATE"));
    }

    @Test
    @Order(10)
    void theCoverageReportListsMissingTranslationsPerLanguage() throws Exception {
        mvc.perform(get("/api/notifications/templates/coverage"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.templates", org.hamcrest.Matchers.hasItems("member-invited", "daily-digest")))
                .andExpect(jsonPath("$.languages[?(@.language == 'en')].missing[*]", hasSize(0)))
                .andExpect(jsonPath("$.languages[?(@.language == 'kk')].completeTemplates[*]",
                        org.hamcrest.Matchers.hasItem("member-invited")))
                .andExpect(jsonPath("$.languages[?(@.language == 'kk')].missing[?(@.template == 'daily-digest')].fallsBackTo")
                        .value("ru"));
    }

    @Test
    @Order(11)
    void aConnectedClientSeesTheNewInboxItemPushedLive() throws Exception {
        Person p = person("ru", "Asia/Tashkent", "Живой Клиент");
        publishContact(p);
        try (LiveStream stream = openStream(p)) {
            HttpResponse<java.util.stream.Stream<String>> response = stream.response();
            List<String> lines = stream.lines();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            await().atMost(WAIT).until(() -> lines.contains("event:unread"));
            assertThat(lines).contains("data:{\"unreadCount\":0}");

            publishInvitation(UUID.randomUUID().toString(), p);

            String itemId = notificationIdOf(p) + ":inbox";
            await().atMost(WAIT).until(() -> lines.contains("event:inbox-item"));
            await().atMost(WAIT).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(itemId)));
            String data = lines.stream().filter(l -> l.startsWith("data:") && l.contains(itemId)).findFirst()
                    .orElseThrow();
            assertThat(data).contains("\"subject\":\"Приглашение в Рабочую группу").contains("\"read\":false");
            assertThat(lines).contains("id:" + itemId);
            push.push(); // more push passes: the item is not sent again
            push.push();
            // a later item on the same stream: once it has arrived, anything sent before it has too
            String marker = "marker-" + UUID.randomUUID();
            inbox.put(marker, p.id, "Marker", "a later item", "ru", Instant.now().plusSeconds(1));
            push.push();
            await().atMost(WAIT).until(() -> lines.contains("id:" + InboxItemDocument.idFor(marker)));
            assertThat(lines.stream().filter(l -> l.equals("event:inbox-item"))).hasSize(2);
        }
    }

    @Test
    @Order(11)
    void anItemThatBecomesVisibleAfterANewerOneWasPushedIsPushedToo() throws Exception {
        // two dispatch workers: one stamps its item, the other stamps a later one and stores it first
        Person p = person("en", "UTC", "Late Item");
        try (LiveStream stream = openStream(p)) {
            List<String> lines = stream.lines();
            await().atMost(WAIT).until(() -> lines.contains("event:unread"));
            Instant stamped = Instant.now();
            String newer = "late-newer-" + UUID.randomUUID();
            inbox.put(newer, p.id, "Newer", "stored first", "en", stamped.plusMillis(500));
            push.push();
            await().atMost(WAIT).until(() -> lines.contains("id:" + InboxItemDocument.idFor(newer)));

            String older = "late-older-" + UUID.randomUUID();
            inbox.put(older, p.id, "Older", "stamped first, stored second", "en", stamped);
            push.push();

            await().atMost(WAIT).until(() -> lines.contains("id:" + InboxItemDocument.idFor(older)));
            push.push(); // and neither is sent twice
            assertThat(lines.stream().filter(l -> l.equals("event:inbox-item"))).hasSize(2);
        }
    }

    @Test
    @Order(12)
    void shuttingDownEndsTheOpenStreamsSoGracefulShutdownNeedNotWaitForThem() throws Exception {
        Person p = person("en", "UTC", "Stream Ender");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest stream = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/notifications/inbox/" + p.id + "/stream"))
                .header("Accept", "text/event-stream").header("Authorization", TestTokens.person(p.id)).build();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(stream, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture<List<String>> received = CompletableFuture.supplyAsync(() -> response.body().toList());
        try {
            push.stop(); // what the context does first when it closes
            // the server ends the stream: its body is complete, the client is free to reconnect elsewhere
            assertThat(received.get(WAIT.toSeconds(), TimeUnit.SECONDS)).contains("event:unread");
            // a client that reconnects to this replica while it shuts down is ended at once
            HttpResponse<java.util.stream.Stream<String>> again = http.send(stream, HttpResponse.BodyHandlers.ofLines());
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(CompletableFuture.supplyAsync(() -> again.body().toList()).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .doesNotContain("event:unread");
            await().atMost(WAIT).until(() -> push.openStreams() == 0);
        } finally {
            push.start();
        }
    }

    @Test
    @Order(13)
    void webhooksToPrivateTargetsAreRefusedAndTheSecretIsNeverShown() throws Exception {
        String personId = "person-" + UUID.randomUUID();
        for (String internal : List.of("http://127.0.0.1:9/hook", "http://169.254.169.254/latest", "http://[::1]/x",
                "http://10.1.2.3/hook", "http://[fc00::1]/hook")) {
            mvc.perform(putAs(personId, "/api/notifications/webhooks/{personId}", personId).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"url\":\"" + internal + "\",\"secret\":\"0123456789abcdef-secret\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/problems/domain-rule")));
        }
        mvc.perform(putAs(personId, "/api/notifications/webhooks/{personId}", personId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"https://93.184.216.34/hook\",\"secret\":\"short\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(getAs(personId, "/api/notifications/webhooks/{personId}", personId)).andExpect(status().isNotFound());
        String registered = mvc.perform(putAs(personId, "/api/notifications/webhooks/{personId}", personId)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"https://93.184.216.34/hook\",\"secret\":\"0123456789abcdef-secret\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value("https://93.184.216.34/hook"))
                .andReturn().getResponse().getContentAsString();
        assertThat(registered).doesNotContain("0123456789abcdef-secret");
        mvc.perform(MockMvcRequestBuilders.delete("/api/notifications/webhooks/{personId}", personId)
                .header("Authorization", TestTokens.coordinator())).andExpect(status().isForbidden());
        mvc.perform(MockMvcRequestBuilders.delete("/api/notifications/webhooks/{personId}", personId)
                .header("Authorization", TestTokens.person(personId))).andExpect(status().isNoContent());
    }

    /**
     * A person corrects their contact (membership's {@code PATCH /people/me} publishes the new record on the
     * compacted contacts topic under the same key): later mail goes to the new address, in the new language,
     * with times in the new zone; the old address hears nothing more.
     */
    @Test
    @Order(14)
    void afterACorrectedContactLaterMailGoesToTheNewAddressInTheNewLanguageAndZone() throws Exception {
        Person before = person("en", "Europe/London", "Dana Smith");
        publishContact(before);
        publishInvitation(UUID.randomUUID().toString(), before);
        MimeMessage first = awaitOneMailTo(before);
        assertThat(first.getSubject()).startsWith("Invitation to the Working Group");

        String newEmail = "corrected-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        CONTACT_DETAILS.add(newEmail);
        CONTACT_DETAILS.add("Дана Смит");
        Person after = new Person(before.id, newEmail, "Дана Смит", "ru", "Asia/Tashkent", before.eventIds);
        publishContact(after);
        // the contacts topic and the events topic are not ordered with each other: wait for the record
        await().atMost(WAIT).until(() -> recipients.find(before.id).map(r -> newEmail.equals(r.email())).orElse(false));
        String second = UUID.randomUUID().toString();
        publishInvitation(second, after);

        MimeMessage corrected = awaitOneMailTo(after);
        assertThat(corrected.getMessageID()).contains(second);
        assertThat(corrected.getSubject())
                .isEqualTo("Приглашение в Рабочую группу по устойчивому развитию в Центральной Азии");
        assertThat(corrected.getHeader("Content-Language")[0]).isEqualTo("ru");
        assertThat((String) part(corrected, "text/plain").getContent()).contains("Здравствуйте, Дана Смит!")
                .contains("до 12 декабря 2026, 17:00 (Asia/Tashkent, UTC+05:00)");
        assertThat(mailsTo(before)).as("nothing more to the old address").hasSize(1);
    }

    @Test
    @Order(100)
    void neitherTheLogsNorTheDeliveryLogContainContactDetails() throws Exception {
        Person p = person("en", "Asia/Tashkent", "Very Private Person");
        publishContact(p);
        String correlationId = "corr-" + UUID.randomUUID();
        publish(Topics.MEMBERSHIP_EVENTS, p.id, invitation(UUID.randomUUID().toString(), p), correlationId);
        awaitOneMailTo(p);
        String notificationId = notificationIdOf(p);
        await().atMost(WAIT).until(() -> notifications.find(notificationId).map(org.civictaskforce.notification.domain.DeliveryLog::deliveries)
                .map(d -> "SENT".equals(d.get("EMAIL").status()) && "SENT".equals(d.get("INBOX").status()))
                .orElse(false));

        String log = mvc.perform(get("/api/notifications/deliveries").param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").isNumber())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(log).contains(notificationId).contains("\"channel\":\"EMAIL\"").contains("\"status\":\"SENT\"")
                .doesNotContain("@");
        // what the back office shows: the template, and the language each sent message was written in
        assertThat(log).contains("\"template\":\"member-invited\"").contains("\"language\":\"en\"");
        for (String detail : CONTACT_DETAILS) {
            assertThat(log).doesNotContain(detail);
        }

        // the service did log the journey (so the capture works), with the correlation id from Kafka ...
        assertThat(LOGGED).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).contains(notificationId).contains("delivered via EMAIL");
        });
        assertThat(LOGGED).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).contains(notificationId).contains("queued");
            assertThat(e.getMDCPropertyMap()).containsEntry("correlationId", correlationId);
        });
        // ... and never a name or an address, from any of the tests
        for (ILoggingEvent event : LOGGED) {
            String line = event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                    + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage());
            for (String detail : CONTACT_DETAILS) {
                assertThat(line).doesNotContain(detail);
            }
        }

        assertThat(meters.counter(NotificationMetrics.SENT, "channel", "EMAIL").count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.counter(NotificationMetrics.SENT, "channel", "INBOX").count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.timer(NotificationMetrics.LATENCY, "channel", "EMAIL").count()).isGreaterThanOrEqualTo(1);
        // published with buckets, for the alert rules' 95th percentile (NotificationsLate)
        assertThat(meters.timer(NotificationMetrics.LATENCY, "channel", "EMAIL").takeSnapshot().histogramCounts())
                .isNotEmpty();
    }

    // --- publishing as membership-service does ---

    private record Person(String id, String email, String name, String language, String timeZone,
            List<String> eventIds) {
    }

    private static Person person(String language, String timeZone, String name) {
        String id = "person-" + UUID.randomUUID();
        String email = id.substring(7, 19) + "@example.org";
        CONTACT_DETAILS.add(email);
        CONTACT_DETAILS.add(name);
        return new Person(id, email, name, language, timeZone, new CopyOnWriteArrayList<>());
    }

    private void publishContact(Person p) throws Exception {
        String json = EventJson.write(new PersonContact(p.id, p.name, p.email, p.language, p.timeZone));
        assertThat(EventSchemas.violations("/schemas/membership.contact.v1.json", json)).isEmpty();
        publish(Topics.MEMBERSHIP_CONTACTS, p.id, json);
    }

    private void publishInvitation(String eventId, Person p) throws Exception {
        publish(Topics.MEMBERSHIP_EVENTS, p.id, invitation(eventId, p));
    }

    private String invitation(String eventId, Person p) {
        p.eventIds.add(eventId);
        Instant invitedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return envelope(eventId, MEMBER_INVITED, p.id,
                new MemberInvited(p.id, "invitation-" + UUID.randomUUID(), invitedAt, EXPIRES));
    }

    private static String envelope(String eventId, String type, String subject, Object data) {
        String json = EventJson.write(new EventEnvelope(null, eventId, "membership-service", type, subject,
                Instant.now(), null, 1, "corr-" + eventId, EventJson.MAPPER.valueToTree(data)));
        assertThat(EventSchemas.violations(json)).isEmpty();
        return json;
    }

    private void publish(String topic, String key, String value) throws Exception {
        publish(topic, key, value, "corr-" + UUID.randomUUID());
    }

    private void publish(String topic, String key, String value, String correlationId) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("ce_correlationid", correlationId.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    // --- observing ---

    private static String notificationIdOf(Person p) {
        return p.eventIds.get(0) + ":" + p.id;
    }

    private static List<MimeMessage> mailsTo(Person p) {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(m -> addressedTo(m, p.email)).toList();
    }

    private static MimeMessage awaitOneMailTo(Person p) {
        await().atMost(WAIT).until(() -> !mailsTo(p).isEmpty());
        List<MimeMessage> mails = mailsTo(p);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private void awaitInboxItems(Person p, int count) {
        await().atMost(WAIT).until(() -> inbox.countOf(p.id) >= count);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Part part(Part message, String mimeType) throws Exception {
        if (message.isMimeType(mimeType)) {
            return message;
        }
        if (message.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) message.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = part(multipart.getBodyPart(i), mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static final class CapturingAppender extends AppenderBase<ILoggingEvent> {
        static final String NAME = "contact-details-capture";

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            LOGGED.add(event);
        }
    }

    /** A person's live inbox, read line by line on a daemon thread; closing it ends the stream. */
    private record LiveStream(HttpResponse<java.util.stream.Stream<String>> response, List<String> lines,
            Thread reader) implements AutoCloseable {
        @Override
        public void close() {
            reader.interrupt();
            response.body().close();
        }
    }

    private LiveStream openStream(Person p) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + port + "/api/notifications/inbox/" + p.id + "/stream"))
                .header("Accept", "text/event-stream").header("Authorization", TestTokens.person(p.id)).build(),
                HttpResponse.BodyHandlers.ofLines());
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the stream was closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new LiveStream(response, lines, reader);
    }
}
