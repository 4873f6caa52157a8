package org.civictaskforce.notification;

import static org.civictaskforce.notification.Mails.subject;
import static org.civictaskforce.notification.Mails.text;
import static org.civictaskforce.notification.Mails.addressedTo;
import static org.civictaskforce.notification.Mails.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.MemberActivated;
import org.civictaskforce.contracts.membership.MemberLeft;
import org.civictaskforce.contracts.membership.PersonContact;
import org.civictaskforce.contracts.research.AssignmentCreated;
import org.civictaskforce.contracts.research.AssignmentStatusChanged;
import org.civictaskforce.contracts.research.FindingReturned;
import org.civictaskforce.notification.application.ResearchNotices;
import org.civictaskforce.notification.application.InboxStore;
import org.civictaskforce.notification.persistence.ReminderDocument;
import org.civictaskforce.notification.application.ReminderStore;
import org.civictaskforce.notification.application.WorkingGroupRoleStore;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.platform.testing.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
 * research-service's assignment events through the broker, the store and GreenMail: the expert hears of
 * a new and a returned assignment in their language and is reminded before the due date; active
 * coordinators (and nobody else) hear of a submission; redelivered events tell nobody twice; submitting
 * and accepting drop the pending reminders, a return arms them again.
 */
@DirtiesContext // closed when the class ends, while the shared Mongo server still runs (README, Tests)
@SpringBootTest(properties = { "notification.dispatch.interval=200ms", "notification.reminders.interval=300ms",
        "spring.cloud.stream.default.consumer.max-attempts=2", "spring.cloud.stream.default.consumer.back-off-initial-interval=100" })
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = { Topics.MEMBERSHIP_EVENTS, Topics.MEMBERSHIP_CONTACTS, Topics.RESEARCH_EVENTS })
class ResearchNotificationsIT {
    private static final int SMTP_PORT = freePort();
    private static final Duration WAIT = Duration.ofSeconds(45);

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("research-notifications-it"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    ReminderStore reminderStore;
    @Autowired
    InboxStore inbox;
    @Autowired
    WorkingGroupRoleStore roles;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    private DefaultKafkaProducerFactory<String, String> producers;
    private KafkaTemplate<String, String> kafka;

    @BeforeEach
    void producer() {
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        kafka = new KafkaTemplate<>(producers);
    }

    @AfterEach
    void closeProducer() {
        producers.destroy();
    }

    @Test
    void expertsHearOfNewAndReturnedWorkAndDueDatesCoordinatorsOfSubmissionsEachOnce() {
        Person expert = person("ru", "Тимур Рахимов");
        Person coordinator = person("en", "Dana Smith");
        Person member = person("en", "Max Muster");
        Person former = person("en", "Lea Former");
        List.of(expert, coordinator, member, former).forEach(this::publishContact);
        Instant now = Instant.now();
        EventEnvelope activated = envelope(coordinator.id, new MemberActivated(coordinator.id, "KZ",
                List.of("COORDINATOR", "MEMBER"), now));
        publishMembership(activated);
        publishMembership(activated);
        publishMembership(envelope(member.id, new MemberActivated(member.id, "KZ", List.of("MEMBER"), now)));
        publishMembership(envelope(former.id, new MemberActivated(former.id, "KZ", List.of("COORDINATOR"), now)));
        publishMembership(envelope(former.id, new MemberLeft(former.id, now)));
        await().atMost(WAIT).until(() -> roles.activeWith("coordinator").contains(coordinator.id)
                && mongo.exists(Query.query(Criteria.where("_id").is(former.id).and("active").is(false)),
                        org.civictaskforce.notification.persistence.MongoWorkingGroupRoleStore.COLLECTION));
        assertThat(roles.activeWith("coordinator")).doesNotContain(member.id, former.id);

        String a = "assignment-" + UUID.randomUUID();
        LocalDate due = LocalDate.now().plusDays(30);
        EventEnvelope created = envelope(a, new AssignmentCreated(a, expert.id, "KZ", "ebrd", "STANDARDS_AND_RULES",
                due, now));
        publishResearch(created);
        publishResearch(created); // redelivered

        MimeMessage assigned = awaitMail(expert, "Новое исследовательское задание");
        assertThat(text(assigned)).contains("Тимур Рахимов", "ebrd", "KZ", due.toString(), a);
        await().atMost(WAIT).until(() -> pending(a).size() == 2);
        assertThat(pending(a)).extracting(org.civictaskforce.notification.domain.Reminder::offset)
                .containsExactlyInAnyOrder(Duration.ofDays(7).toString(), Duration.ofDays(1).toString());

        // seven days before the due date: time passes for the first reminder
        mongo.updateFirst(Query.query(Criteria.where("subjectId").is(ResearchNotices.subject(a))
                .and("offset").is(Duration.ofDays(7).toString())), new Update().set("dueAt", Instant.now()),
                ReminderDocument.class);
        MimeMessage reminder = awaitMail(expert, "Напоминание: срок исследовательского задания");
        assertThat(text(reminder)).contains(due.toString());

        EventEnvelope submitted = envelope(a, new AssignmentStatusChanged(a, "IN_PROGRESS", "SUBMITTED", now,
                expert.id, due));
        publishResearch(envelope(a, new AssignmentStatusChanged(a, "ASSIGNED", "IN_PROGRESS", now, expert.id, due)));
        publishResearch(submitted);
        publishResearch(submitted); // redelivered
        MimeMessage review = awaitMail(coordinator, "Research assignment submitted for review");
        assertThat(text(review)).contains("Dana Smith", a).doesNotContain(expert.name);
        await().atMost(WAIT).until(() -> pending(a).isEmpty());

        publishResearch(envelope(a, new AssignmentStatusChanged(a, "SUBMITTED", "RETURNED", now, expert.id, due)));
        awaitMail(expert, "Исследовательское задание возвращено на доработку");
        // the return arms the reminders again; the one that fired is not repeated
        await().atMost(WAIT).until(() -> pending(a).size() == 1);
        assertThat(pending(a).get(0).offset()).isEqualTo(Duration.ofDays(1).toString());

        publishResearch(envelope(a, new AssignmentStatusChanged(a, "RETURNED", "SUBMITTED", now, expert.id, due)));
        publishResearch(envelope(a, new AssignmentStatusChanged(a, "SUBMITTED", "ACCEPTED", now, expert.id, due)));
        await().atMost(WAIT).until(() -> mailsTo(coordinator, "Research assignment submitted").size() == 2);
        await().atMost(WAIT).until(() -> pending(a).isEmpty());

        assertThat(mailsTo(expert, "Новое исследовательское задание")).hasSize(1);
        assertThat(mailsTo(expert, "Напоминание")).hasSize(1);
        assertThat(mailsTo(member, "")).isEmpty();
        assertThat(mailsTo(former, "")).isEmpty();
        await().atMost(WAIT).until(() -> inbox.countOf(expert.id) == 3);
        await().atMost(WAIT).until(() -> inbox.countOf(coordinator.id) == 2);
    }

    /**
     * Returning a finding for revision is one step in research-service: the finding's FindingReturned names the
     * expert, who is told in their language (here Kazakh) once; the assignment's SUBMITTED → IN_PROGRESS arms the
     * reminders again. An event from before the expert was named tells nobody.
     */
    @Test
    void theExpertHearsOfAFindingReturnedForRevisionInTheirLanguageOnce() {
        Person expert = person("kk", "Айгүл Сәрсенова");
        publishContact(expert);
        Instant now = Instant.now();
        String a = "assignment-" + UUID.randomUUID();
        String f = "finding-" + UUID.randomUUID();
        LocalDate due = LocalDate.now().plusDays(30);
        publishResearch(envelope(a, new AssignmentStatusChanged(a, "IN_PROGRESS", "SUBMITTED", now, expert.id, due)));
        publishResearch(envelope(f, new FindingReturned(f, a, 1, now))); // from before the field: nobody
        EventEnvelope returned = envelope(f, new FindingReturned(f, a, 2, now, expert.id));
        publishResearch(returned);
        publishResearch(returned); // redelivered
        publishResearch(envelope(a, new AssignmentStatusChanged(a, "SUBMITTED", "IN_PROGRESS", now, expert.id, due)));

        MimeMessage mail = awaitMail(expert, "Қорытындыңыз пысықтауға қайтарылды");
        assertThat(text(mail)).contains("Айгүл Сәрсенова", a, f, "2-нұсқа").doesNotContain("{{");
        await().atMost(WAIT).until(() -> pending(a).size() == 2);
        await().atMost(WAIT).until(() -> inbox.countOf(expert.id) == 1);
        assertThat(mailsTo(expert, "")).hasSize(1);
    }

    // --- publishing as membership-service and research-service do ---

    private record Person(String id, String email, String name, String language) {
    }

    private static Person person(String language, String name) {
        String id = "person-" + UUID.randomUUID();
        return new Person(id, id.substring(7, 19) + "@example.org", name, language);
    }

    private void publishContact(Person p) {
        TestEvents.send(kafka, new ProducerRecord<>(Topics.MEMBERSHIP_CONTACTS, p.id,
                EventJson.write(new PersonContact(p.id, p.name, p.email, p.language, "Asia/Almaty"))));
    }

    private static EventEnvelope envelope(String key, Object event) {
        return EventEnvelope.of("test", key, event, "corr-" + UUID.randomUUID());
    }

    private void publishMembership(EventEnvelope envelope) {
        TestEvents.publish(kafka, Topics.MEMBERSHIP_EVENTS, envelope);
    }

    private void publishResearch(EventEnvelope envelope) {
        TestEvents.publish(kafka, Topics.RESEARCH_EVENTS, envelope);
    }

    // --- observing ---

    private List<org.civictaskforce.notification.domain.Reminder> pending(String assignmentId) {
        return reminderStore.findAllOf(ResearchNotices.subject(assignmentId)).stream()
                .filter(r -> ReminderDocument.PENDING.equals(r.status())).toList();
    }

    private static List<MimeMessage> mailsTo(Person p, String subjectStart) {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages())
                .filter(m -> addressedTo(m, p.email) && subject(m).startsWith(subjectStart)).toList();
    }

    private static MimeMessage awaitMail(Person p, String subjectStart) {
        await().atMost(WAIT).until(() -> !mailsTo(p, subjectStart).isEmpty());
        // give a duplicate the chance to arrive before counting
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        List<MimeMessage> mails = mailsTo(p, subjectStart);
        assertThat(mails).as("one mail to the person starting " + subjectStart).hasSize(1);
        return mails.get(0);
    }
}
