package org.civictaskforce.notification.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civictaskforce.notification.Mails.addressedTo;
import static org.civictaskforce.notification.Mails.freePort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.PersonContact;
import org.civictaskforce.notification.application.RecipientStore;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * The fast path, with the safety-net polls set to an hour so that only the fast path can deliver:
 * a notification taken in from the topic is sent at once by the dispatch workers (e-mail and inbox),
 * each exactly once, and the inbox item reaches the person's open live stream as soon as this replica
 * stored it.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "notification.dispatch.interval=1h", "notification.inbox.push-interval=1h",
        "notification.dispatch.workers=3" })
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = { Topics.MEMBERSHIP_EVENTS, Topics.MEMBERSHIP_CONTACTS })
class FastDispatchIT {
    private static final int SMTP_PORT = freePort();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("notification-fast-" + UUID.randomUUID()));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    RecipientStore recipients;
    @LocalServerPort
    int port;

    @Test
    void newNotificationsAreSentAtOnceEachOnceAndPushedToTheOpenStreamWithoutAnyPoll() throws Exception {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "person-" + UUID.randomUUID();
            people.add(id);
            kafka.send(Topics.MEMBERSHIP_CONTACTS, id, EventJson.write(new PersonContact(id, "Person " + i,
                    id.substring(7, 19) + "@example.org", i % 2 == 0 ? "ru" : "en", "Asia/Almaty")))
                    .get(10, TimeUnit.SECONDS);
        }
        String watched = people.get(0);
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + port + "/api/notifications/inbox/" + watched + "/stream"))
                .header("Accept", "text/event-stream").header("Authorization", TestTokens.person(watched)).build(),
                HttpResponse.BodyHandlers.ofLines());
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(WAIT).until(() -> lines.contains("event:unread"));
            // the contacts are in the read model before the invitations arrive (else they would wait for them)
            for (String person : people) {
                await().atMost(WAIT).until(() -> recipients.find(person).isPresent());
            }
            List<String> eventIds = new ArrayList<>();
            for (String person : people) {
                String eventId = UUID.randomUUID().toString();
                eventIds.add(eventId);
                kafka.send(Topics.MEMBERSHIP_EVENTS, person, invitation(eventId, person)).get(10, TimeUnit.SECONDS);
            }

            for (String person : people) {
                String email = person.substring(7, 19) + "@example.org";
                await().atMost(WAIT).until(() -> !mailsTo(email).isEmpty());
            }
            String itemId = eventIds.get(0) + ":" + watched + ":inbox";
            await().atMost(WAIT).until(() -> lines.stream().anyMatch(l -> l.equals("id:" + itemId)));

            // a later marker: one more invitation to the watched person arrives too, and still each once
            String marker = UUID.randomUUID().toString();
            kafka.send(Topics.MEMBERSHIP_EVENTS, watched, invitation(marker, watched)).get(10, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> lines.stream().anyMatch(l -> l.equals("id:" + marker + ":" + watched + ":inbox")));
            await().atMost(WAIT).until(() -> mailsTo(watched.substring(7, 19) + "@example.org").size() == 2);
            for (String person : people.subList(1, people.size())) {
                assertThat(mailsTo(person.substring(7, 19) + "@example.org")).hasSize(1);
            }
            assertThat(lines.stream().filter(l -> l.equals("event:inbox-item"))).hasSize(2);
        } finally {
            reader.interrupt();
            response.body().close();
        }
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(m -> addressedTo(m, email)).toList();
    }

    private static String invitation(String eventId, String personId) {
        MemberInvited invited = new MemberInvited(personId, "invitation-" + UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Instant.now().plus(Duration.ofDays(7)));
        return EventJson.write(new EventEnvelope(null, eventId, "membership-service",
                EventTypes.typeOf(MemberInvited.class), personId, Instant.now(), null, 1, "corr-" + eventId,
                EventJson.MAPPER.valueToTree(invited)));
    }
}
