package org.civictaskforce.notification.reliability;

import static org.civictaskforce.notification.Mails.freePort;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.PersonContact;
import org.civictaskforce.notification.persistence.NotificationDocument;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * Event time → e-mail delivered: {@code benchmark.events} (500) {@code MemberInvited} events for as many
 * people (their contact records published first), in one burst or at {@code benchmark.rate} events per
 * second, go through the embedded broker into the running service, which sends to GreenMail with its
 * production dispatch settings (interval 1 s, batch 50 per channel and pass) unless overridden with
 * {@code -Dnotification.dispatch.…}. Measured per message from the envelope's {@code time} (set when the
 * event is built, just before it is published in the same wire format as {@code TestEvents}):
 * <ul>
 * <li>SMTP accepted: the EMAIL delivery's {@code completedAt} in the delivery log (written right after
 * GreenMail accepted the message);</li>
 * <li>in the mailbox: when a watcher polling GreenMail every 10 ms first saw the message's Message-ID.</li>
 * </ul>
 * Throughput = messages / (last in mailbox − first event time). Asserts nothing; prints the table and writes
 * it to {@code target/benchmarks/notification-latency[-<rate>-per-second].txt}. Excluded from normal builds
 * (tag {@code benchmark}, and the class name matches no test pattern); see docs/benchmarks.md for the command.
 */
@Tag("benchmark")
@DirtiesContext // closed when the class ends, while the shared Mongo server still runs (README, Tests)
@SpringBootTest(properties = "notification.reminders.interval=1h")
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = { Topics.MEMBERSHIP_EVENTS, Topics.MEMBERSHIP_CONTACTS })
class DeliveryLatencyBenchmark {
    private static final int SMTP_PORT = freePort();
    private static final int EVENTS = Integer.getInteger("benchmark.events", 500);
    /** Events per second; 0 = all at once. */
    private static final int RATE = Integer.getInteger("benchmark.rate", 0);
    private static final int WARM_UP = 20;

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("notification-latency-benchmark"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Value("${notification.dispatch.interval:1s}")
    String interval;
    @Value("${notification.dispatch.batch-size:50}")
    String batchSize;

    /** Message-ID → when the watcher first saw it in GreenMail. */
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    @Test
    void eventToEmailLatencyUnderABurst() throws Exception {
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        watcher.scheduleAtFixedRate(this::watch, 0, 10, TimeUnit.MILLISECONDS);
        try {
            // warm-up (not measured): the consumer, the dispatcher and the SMTP connection path
            List<EventEnvelope> warmUp = invite(kafka, people(kafka, WARM_UP, "warm"), 0);
            awaitMails(WARM_UP, Duration.ofMinutes(2));

            List<String> people = people(kafka, EVENTS, "p");
            await().atMost(Duration.ofMinutes(2)).until(() -> mongo.count(new Query(), "recipients") >= WARM_UP + EVENTS);
            Instant burstStart = Instant.now();
            List<EventEnvelope> burst = invite(kafka, people, RATE);
            Instant published = Instant.now();
            awaitMails(WARM_UP + EVENTS, Duration.ofMinutes(15));

            List<Long> accepted = new ArrayList<>();
            List<Long> inMailbox = new ArrayList<>();
            Instant lastSeen = Instant.MIN;
            for (EventEnvelope e : burst) {
                String personId = e.subject();
                NotificationDocument n = mongo.findById(e.id() + ":" + personId, NotificationDocument.class);
                Instant done = n.deliveries().get("EMAIL").completedAt();
                accepted.add(Duration.between(e.time(), done).toMillis());
                Instant arrival = seen.get("<" + e.id() + "." + personId + "@civic-taskforce>");
                inMailbox.add(Duration.between(e.time(), arrival).toMillis());
                lastSeen = arrival.isAfter(lastSeen) ? arrival : lastSeen;
            }
            double seconds = Duration.between(burst.get(0).time(), lastSeen).toMillis() / 1000.0;
            Path out = Path.of("target", "benchmarks", RATE == 0 ? "notification-latency.txt"
                    : "notification-latency-" + RATE + "-per-second.txt");
            String report = String.format(Locale.ROOT, """
                    notification-service event → e-mail latency, %s
                    load: %d MemberInvited events for %d people (contacts published first), %s; \
                    published in %d ms; warm-up %d not counted
                    dispatch: interval %s, batch-size %s per channel and pass; channels EMAIL + INBOX; 3 partitions
                    | measured from event time to | median ms | p95 ms | p99 ms | max ms |
                    |---|---:|---:|---:|---:|
                    | SMTP accepted (delivery log completedAt) | %s |
                    | in the GreenMail mailbox (10 ms poll) | %s |
                    throughput: %d e-mails in %.1f s = %.1f e-mails/s (first event time → last mail in the mailbox)
                    total mails received: %d (expected %d)
                    """, burstStart, EVENTS, EVENTS, RATE == 0 ? "one burst" : RATE + " events/s", Duration.between(burstStart, published).toMillis(),
                    warmUp.size(), interval, batchSize, row(accepted), row(inMailbox), EVENTS, seconds,
                    EVENTS / seconds, GREEN_MAIL.getReceivedMessages().length, WARM_UP + EVENTS);
            System.out.println(report);
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
        } finally {
            watcher.shutdownNow();
        }
    }

    private List<String> people(KafkaTemplate<String, String> kafka, int count, String prefix) {
        List<String> ids = new ArrayList<>();
        String[][] locales = { { "ru", "Asia/Tashkent" }, { "en", "Europe/London" }, { "kk", "Asia/Almaty" },
                { "ky", "Asia/Bishkek" }, { "tg", "Asia/Dushanbe" }, { "tk", "Asia/Ashgabat" }, { "uz", "Asia/Tashkent" } };
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + UUID.randomUUID();
            String[] locale = locales[i % locales.length];
            sends.add(kafka.send(new ProducerRecord<>(Topics.MEMBERSHIP_CONTACTS, id, EventJson.write(
                    new PersonContact(id, "Member " + i, id + "@example.org", locale[0], locale[1])))));
            ids.add(id);
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        return ids;
    }

    private static List<EventEnvelope> invite(KafkaTemplate<String, String> kafka, List<String> people, int rate)
            throws InterruptedException {
        List<EventEnvelope> envelopes = new ArrayList<>();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        long start = System.nanoTime();
        for (String personId : people) {
            if (rate > 0) { // keep to the schedule: event i leaves at start + i / rate
                long due = start + envelopes.size() * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            Instant now = Instant.now();
            EventEnvelope e = EventEnvelope.of("membership-service", personId, new MemberInvited(personId,
                    "invitation-" + UUID.randomUUID(), now, now.plus(Duration.ofDays(14))), "bench-" + personId);
            envelopes.add(e);
            sends.add(kafka.send(new ProducerRecord<>(Topics.MEMBERSHIP_EVENTS, e.subject(), EventJson.write(e))));
            if (rate > 0) {
                kafka.flush();
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        return envelopes;
    }

    private void watch() {
        try {
            Instant now = Instant.now();
            for (MimeMessage m : GREEN_MAIL.getReceivedMessages()) {
                seen.putIfAbsent(m.getMessageID(), now);
            }
        } catch (Exception e) {
            // the next poll sees it
        }
    }

    private void awaitMails(int count, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> seen.size() >= count
                && mongo.count(Query.query(Criteria.where("deliveries.EMAIL.status").is("SENT")),
                        NotificationDocument.class) >= count);
    }

    private static String row(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return String.format(Locale.ROOT, "%d | %d | %d | %d", percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    /** Nearest-rank percentile. */
    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
