package org.civictaskforce.notification;

import static org.civictaskforce.notification.Mails.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventSchemas;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.PersonContact;
import org.civictaskforce.contracts.strategy.ConsultationClosingSoon;
import org.civictaskforce.contracts.strategy.ConsultationCommentResolved;
import org.civictaskforce.contracts.strategy.ConsultationOpened;
import org.civictaskforce.contracts.strategy.GuideEditionPublished;
import org.civictaskforce.contracts.strategy.GuideTranslationStatusChanged;
import org.civictaskforce.contracts.strategy.GuideTranslatorsChanged;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * strategy-service's events become notifications: consultation opened and closing soon (every invitee,
 * once each, also when the event is delivered twice), a resolved comment (its author), a stale
 * translation and a published edition (that language's translators); in the reader's language, with
 * the deadline in their zone and the consultation's.
 */
@DirtiesContext // closed when the class ends, while the shared Mongo server still runs (README, Tests)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "notification.dispatch.interval=200ms")
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = { Topics.MEMBERSHIP_EVENTS, Topics.MEMBERSHIP_CONTACTS, Topics.STRATEGY_EVENTS })
class StrategyNotificationsIT {
    private static final int SMTP_PORT = freePort();
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("notification-strategy-it-" + RUN));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;

    @Test
    void strategyEventsNotifyTheRightPeopleOnceEach() throws Exception {
        String ru = "ru-" + RUN, en = "en-" + RUN, kk = "kk-" + RUN, translator = "tr-" + RUN;
        contact(ru, "ru", "Asia/Almaty");
        contact(en, "en", "Europe/London");
        contact(kk, "kk", "Asia/Almaty");
        contact(translator, "ru", "Asia/Bishkek");
        String markerAuthor = "mk-" + RUN;
        contact(markerAuthor, "en", "UTC");
        Instant deadline = Instant.parse("2030-12-20T13:00:00Z"); // 18:00 in Almaty, 13:00 in London

        String opened = strategy("round-1", new ConsultationOpened("round-1", "STRATEGY_VERSION", "1", deadline,
                "Asia/Almaty", List.of(ru, en, kk), List.of("org-1")));
        String soon = strategy("round-1", new ConsultationClosingSoon("round-1", deadline, "Asia/Almaty",
                List.of(ru, en, kk)));
        String resolved = strategy("round-1", new ConsultationCommentResolved("round-1", "comment-1", en, "DECLINED"));
        String erasedAuthor = strategy("round-1", new ConsultationCommentResolved("round-1", "comment-2",
                "erased-123", "ACCEPTED"));
        strategy("guide", new GuideTranslatorsChanged("guide", "ky", List.of(translator)));
        String stale = strategy("guide", new GuideTranslationStatusChanged("guide", "intro", "ky", "STALE", 1, 2));
        String draft = strategy("guide", new GuideTranslationStatusChanged("guide", "intro", "ky", "DRAFT", 2, 2));
        String edition = strategy("guide", new GuideEditionPublished("guide", "ky", 1, 3));
        // everything delivered a second time
        for (String again : List.of(opened, soon, resolved, stale, edition)) {
            send("x", again);
        }

        // a later event on each key used above (same key, same partition): once each is taken in, every event
        // before it on that partition, the second deliveries included, has been consumed
        List<String> markers = new ArrayList<>();
        for (String key : List.of("round-1", "guide", "x")) {
            markers.add(strategy(key, new ConsultationCommentResolved("round-1", "marker-" + key, markerAuthor,
                    "ACCEPTED")));
        }
        await().atMost(WAIT).until(() -> markers.stream().allMatch(marker -> notifications(marker) == 1));
        // every notification is taken in once; its mail is sent once (claimed with a lease, ExactlyOnceDeliveryIT)
        await().atMost(WAIT).until(() -> mailsTo(translator).size() >= 2 && mailsTo(en).size() >= 3
                && mailsTo(ru).size() >= 2 && mailsTo(kk).size() >= 2);
        assertThat(notifications(opened)).isEqualTo(3);
        assertThat(notifications(soon)).as("closing soon once per invitee").isEqualTo(3);
        assertThat(notifications(resolved)).isEqualTo(1);
        assertThat(notifications(erasedAuthor)).isZero();
        assertThat(notifications(stale)).isEqualTo(1);
        assertThat(notifications(draft)).isZero();
        assertThat(notifications(edition)).isEqualTo(1);
        assertThat(mailsTo(ru)).hasSize(2);
        assertThat(mailsTo(en)).hasSize(3);
        assertThat(mailsTo(kk)).hasSize(2);
        assertThat(mailsTo(translator)).hasSize(2);

        // in the reader's language (kk falls back), the deadline in their zone and the round's
        assertThat(subjects(ru)).anySatisfy(s -> assertThat(s).startsWith("Консультация открыта до"));
        assertThat(subjects(en)).anySatisfy(s -> assertThat(s).startsWith("Consultation open until"))
                .anySatisfy(s -> assertThat(s).isEqualTo("Your comment was declined"));
        assertThat(subjects(kk)).hasSize(2);
        String enText = text(mailsTo(en).stream().filter(m -> subject(m).startsWith("Consultation open")).findFirst()
                .orElseThrow());
        assertThat(enText).contains("13:00").contains("18:00").contains("version 1");
        assertThat(subjects(translator)).anySatisfy(s -> assertThat(s).contains("intro").contains("ky"))
                .anySatisfy(s -> assertThat(s).contains("издание 1").doesNotContain("{{"));
    }

    private long notifications(String eventId) {
        return mongo.getCollection("notifications").countDocuments(new Document("eventId", eventId));
    }

    private void contact(String id, String language, String zone) throws Exception {
        kafka.send(new ProducerRecord<>(Topics.MEMBERSHIP_CONTACTS, id, EventJson.write(new PersonContact(id,
                "Name " + id, id + "@example.org", language, zone)))).get();
    }

    private String strategy(String key, Object event) throws Exception {
        String json = EventJson.write(EventEnvelope.of("/strategy-service", key, event, "corr-" + UUID.randomUUID()));
        assertThat(EventSchemas.violations(json)).isEmpty();
        send(key, json);
        return EventJson.readEnvelope(json).id();
    }

    private void send(String key, String json) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.STRATEGY_EVENTS, key, json);
        record.headers().add("ce_correlationid", "corr".getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
    }

    private static List<MimeMessage> mailsTo(String personId) {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equals(personId + "@example.org"));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static List<String> subjects(String personId) {
        return mailsTo(personId).stream().map(StrategyNotificationsIT::subject).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage m) throws Exception {
        return new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8) + flatten(m.getContent());
    }

    private static String flatten(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart mp) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                all.append(flatten(mp.getBodyPart(i).getContent()));
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

}
