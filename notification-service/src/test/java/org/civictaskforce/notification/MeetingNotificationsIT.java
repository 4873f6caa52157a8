package org.civictaskforce.notification;

import static org.civictaskforce.notification.Mails.subject;
import static org.civictaskforce.notification.Mails.text;
import static org.civictaskforce.notification.Mails.addressedTo;
import static org.civictaskforce.notification.Mails.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.MeetingCancelled;
import org.civictaskforce.contracts.membership.MeetingInvitationSent;
import org.civictaskforce.contracts.membership.MeetingRescheduled;
import org.civictaskforce.contracts.membership.MeetingRsvpRecorded;
import org.civictaskforce.contracts.membership.MeetingScheduled;
import org.civictaskforce.contracts.membership.PersonContact;
import org.civictaskforce.notification.application.MeetingNotices;
import org.civictaskforce.notification.application.NotificationIntake;
import org.civictaskforce.notification.application.Reminders;
import org.civictaskforce.notification.domain.Meeting;
import org.civictaskforce.notification.application.NotificationStore;
import org.civictaskforce.notification.persistence.ReminderDocument;
import org.civictaskforce.notification.application.ReminderStore;
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
 * Meetings through the events, as membership-service publishes them, against the real broker, the
 * wire-compatible store and GreenMail: invitations in each invitee's language with their time and the
 * meeting's; a move told to those who have not declined, with reminders moved; reminders fired through two
 * replicas and after a restart; a cancellation dropping what is pending; erasure removing the person.
 */
@DirtiesContext // closed when the class ends, while the shared Mongo server still runs (README, Tests)
@SpringBootTest(properties = { "notification.dispatch.interval=200ms", "spring.cloud.stream.default.consumer.max-attempts=2",
        "spring.cloud.stream.default.consumer.back-off-initial-interval=100" })
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = { Topics.MEMBERSHIP_EVENTS, Topics.MEMBERSHIP_CONTACTS })
class MeetingNotificationsIT {
    private static final int SMTP_PORT = freePort();
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String ZONE = "Asia/Almaty";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("meeting-notifications-it"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MeetingNotices meetings;
    @Autowired
    ReminderStore reminderStore;
    @Autowired
    NotificationStore notifications;
    @Autowired
    NotificationIntake intake;
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
    void invitationMoveRemindersAndCancellationReachThoseWhoHaveNotDeclinedOnceEach() throws Exception {
        Person timur = person("ru", "Asia/Tashkent", "Тимур Рахимов");
        Person dana = person("en", "Europe/London", "Dana Smith");
        Person aigerim = person("ky", ZONE, "Айгерим Нурланова"); // no Kyrgyz meeting templates: Russian
        Person decliner = person("en", "Europe/Berlin", "Max Muster");
        List<Person> all = List.of(timur, dana, aigerim, decliner);
        all.forEach(this::publishContact);

        String meetingId = "meeting-" + UUID.randomUUID();
        Instant startsAt = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        publish(meetingId, new MeetingScheduled(meetingId, "EXPERT_MEETING", "Choosing the target institutions",
                startsAt, ZONE, 90, Instant.now()));
        EventEnvelope timursInvitation = null;
        for (Person p : all) {
            EventEnvelope e = publish(meetingId, new MeetingInvitationSent(meetingId, p.id, startsAt, ZONE, Instant.now()));
            if (p == timur) {
                timursInvitation = e;
            }
        }
        TestEvents.publish(kafka, Topics.MEMBERSHIP_EVENTS, timursInvitation); // redelivered

        // each invitee, in their language, with their own time and the meeting's
        MimeMessage ru = awaitMail(timur, "Приглашение:");
        String ruText = text(ru);
        assertThat(ru.getSubject()).startsWith("Приглашение: Choosing the target institutions — ");
        assertThat(ruText).contains("Здравствуйте, Тимур Рахимов!")
                .contains("(Asia/Tashkent, UTC+05:00) (ваше время)")
                .contains("Время встречи: ").contains("(Asia/Almaty, UTC+05:00)");
        assertThat(text(awaitMail(dana, "Invitation:"))).contains("Dear Dana Smith,")
                .contains("(Europe/London, UTC) (your time)").contains("Meeting time: ");
        String ky = text(awaitMail(aigerim, "Приглашение:"));
        assertThat(ky).contains("(Asia/Almaty, UTC+05:00) (ваше время)").doesNotContain("Время встречи:");
        awaitMail(decliner, "Invitation:");

        Meeting model = meetings.find(meetingId).orElseThrow();
        assertThat(model.title()).isEqualTo("Choosing the target institutions");
        assertThat(model.startsAt()).isEqualTo(startsAt);
        assertThat(model.timeZone()).isEqualTo(ZONE);
        assertThat(model.durationMinutes()).isEqualTo(90);
        assertThat(model.invitees()).containsOnlyKeys(timur.id, dana.id, aigerim.id, decliner.id);
        assertThat(pendingReminders(meetingId)).hasSize(8)
                .allSatisfy(r -> assertThat(r.dueAt()).isIn(startsAt.minus(Duration.ofHours(24)),
                        startsAt.minus(Duration.ofHours(1))));

        // answers: NO drops that person's reminders; YES keeps them. The NO alone already leaves six reminders, so
        // wait until the YES (the later record on the meeting's partition) has been handled too before checking
        publish(meetingId, new MeetingRsvpRecorded(meetingId, decliner.id, "NO", Instant.now()));
        publish(meetingId, new MeetingRsvpRecorded(meetingId, timur.id, "YES", Instant.now()));
        await().atMost(WAIT).until(() -> "YES".equals(rsvpOf(meetingId, timur)));
        assertThat(rsvpOf(meetingId, decliner)).isEqualTo("NO");
        assertThat(pendingReminders(meetingId)).hasSize(6).noneMatch(r -> r.personId().equals(decliner.id));

        // the meeting moves a day later: three are told (not the one who declined), reminders move
        Instant movedTo = startsAt.plus(Duration.ofDays(1));
        EventEnvelope moved = publish(meetingId,
                new MeetingRescheduled(meetingId, startsAt, movedTo, ZONE, 60, Instant.now()));
        TestEvents.publish(kafka, Topics.MEMBERSHIP_EVENTS, moved); // redelivered
        String ruMoved = text(awaitMail(timur, "Встреча перенесена:"));
        assertThat(ruMoved).contains("Было: ").contains("Теперь: ").contains("Продолжительность: 60 мин.");
        assertThat(text(awaitMail(dana, "Meeting moved:"))).contains("Was: ").contains("Now: ");
        awaitMail(aigerim, "Встреча перенесена:");
        await().atMost(WAIT).until(() -> pendingReminders(meetingId).stream()
                .allMatch(r -> r.dueAt().equals(movedTo.minus(Duration.ofHours(24)))
                        || r.dueAt().equals(movedTo.minus(Duration.ofHours(1)))));
        assertThat(pendingReminders(meetingId)).hasSize(6);

        // 24 h before: two replicas fire concurrently; each of the three gets one reminder
        Clock dayBefore = Clock.fixed(movedTo.minus(Duration.ofHours(24)), ZoneOffset.UTC);
        Reminders replicaA = new Reminders(reminderStore, intake, dayBefore);
        Reminders replicaB = new Reminders(reminderStore, intake, dayBefore);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(replicaA::fireDue);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(replicaB::fireDue);
        assertThat(a.get() + b.get()).isEqualTo(3);
        assertThat(text(awaitMail(timur, "Напоминание:"))).contains("«Choosing the target institutions»");
        awaitMail(dana, "Reminder:");
        awaitMail(aigerim, "Напоминание:");

        // 1 h before: an instance claims Timur's reminder and dies; after a restart it fires once
        Clock hourBefore = Clock.fixed(movedTo.minus(Duration.ofHours(1)), ZoneOffset.UTC);
        assertThat(reminderStore.claimDue(hourBefore.instant(), Duration.ofMinutes(2))).isPresent();
        Reminders restarted = new Reminders(reminderStore, intake,
                Clock.fixed(hourBefore.instant().plus(Duration.ofMinutes(3)), ZoneOffset.UTC));
        assertThat(restarted.fireDue()).isEqualTo(3);
        assertThat(restarted.fireDue()).isZero();
        await().atMost(WAIT).until(() -> mailsTo(timur, "Напоминание:").size() == 2
                && mailsTo(dana, "Reminder:").size() == 2 && mailsTo(aigerim, "Напоминание:").size() == 2);
        assertThat(mailsTo(decliner, "Reminder:")).isEmpty();

        // every message once: redelivered invitation and move notified nobody twice
        assertThat(mailsTo(timur, "Приглашение:")).hasSize(1);
        assertThat(mailsTo(timur, "Встреча перенесена:")).hasSize(1);
        assertThat(mailsTo(decliner, "Meeting moved:")).isEmpty();
        assertThat(mongo.count(Query.query(Criteria.where("eventId").is(moved.id())), "notifications")).isEqualTo(3);

        // cancelled: the three are told, nothing pending is left
        Instant later = movedTo.plus(Duration.ofDays(7));
        publish(meetingId, new MeetingRescheduled(meetingId, movedTo, later, ZONE, 60, Instant.now()));
        await().atMost(WAIT).until(() -> pendingReminders(meetingId).size() == 6); // fired ones armed again
        publish(meetingId, new MeetingCancelled(meetingId, Instant.now()));
        assertThat(text(awaitMail(timur, "Встреча отменена:"))).contains("отменена. Напоминаний о ней не будет.");
        awaitMail(dana, "Meeting cancelled:");
        awaitMail(aigerim, "Встреча отменена:");
        await().atMost(WAIT).until(() -> pendingReminders(meetingId).isEmpty());
        assertThat(meetings.find(meetingId).orElseThrow().cancelled()).isTrue();
        assertThat(mailsTo(decliner, "Meeting cancelled:")).isEmpty();
    }

    @Test
    void anErasedPersonLeavesTheMeetingsAndTheirRemindersGo() {
        Person erased = person("en", "UTC", "Erin Erased");
        Person stays = person("ru", ZONE, "Остаётся");
        publishContact(erased);
        publishContact(stays);
        String meetingId = "meeting-" + UUID.randomUUID();
        Instant startsAt = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
        publish(meetingId, new MeetingScheduled(meetingId, "DISCUSSION", "Draft strategy", startsAt, ZONE, 120,
                Instant.now()));
        publish(meetingId, new MeetingInvitationSent(meetingId, erased.id, startsAt, ZONE, Instant.now()));
        publish(meetingId, new MeetingInvitationSent(meetingId, stays.id, startsAt, ZONE, Instant.now()));
        awaitMail(erased, "Invitation:");
        await().atMost(WAIT).until(() -> pendingReminders(meetingId).size() == 4);

        TestEvents.send(kafka, new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.MEMBERSHIP_CONTACTS,
                erased.id, null)); // tombstone
        await().atMost(WAIT).until(() -> !meetings.find(meetingId).orElseThrow().invitees().containsKey(erased.id));
        assertThat(mongo.count(Query.query(Criteria.where("personId").is(erased.id)), ReminderDocument.COLLECTION))
                .isZero();
        assertThat(pendingReminders(meetingId)).hasSize(2).allMatch(r -> r.personId().equals(stays.id));
    }

    /**
     * The invitation and the move carry the meeting as an .ics attachment (text/calendar; method=REQUEST) that a
     * calendar reads: the meeting's zone (not the reader's) with its VTIMEZONE, its wall-clock time there, the
     * same UID and a higher SEQUENCE after the move; a cancellation mail carries none.
     */
    @Test
    void theInvitationAndTheMoveCarryTheMeetingAsACalendarInItsOwnZone() throws Exception {
        Person aibek = person("ru", "Asia/Tashkent", "Айбек Асанов");
        publishContact(aibek);
        String meetingId = "meeting-" + UUID.randomUUID();
        String bishkek = "Asia/Bishkek";
        // 09:00 UTC = 15:00 in Bishkek (UTC+6), 14:00 in the reader's Tashkent
        Instant startsAt = java.time.LocalDate.now(ZoneOffset.UTC).plusDays(5).atTime(9, 0).toInstant(ZoneOffset.UTC);
        String localStart = startsAt.atZone(java.time.ZoneId.of(bishkek)).toLocalDateTime()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        assertThat(localStart).endsWith("T150000");
        publish(meetingId, new MeetingScheduled(meetingId, "EXPERT_MEETING", "Targets; WB, EBRD", startsAt, bishkek,
                90, Instant.now()));
        publish(meetingId, new MeetingInvitationSent(meetingId, aibek.id, startsAt, bishkek, Instant.now()));

        MimeMessage invitation = awaitMail(aibek, "Приглашение:");
        net.fortuna.ical4j.model.component.VEvent invited = calendarEvent(invitation, "REQUEST");
        net.fortuna.ical4j.model.Property start = invited.getProperty("DTSTART").orElseThrow();
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo(bishkek);
        assertThat(start.getValue()).isEqualTo(localStart);
        assertThat(value(invited, "DTEND")).endsWith("T163000");
        assertThat(value(invited, "UID")).isEqualTo(meetingId + "@civic-taskforce");
        assertThat(value(invited, "SUMMARY")).isEqualTo("Targets; WB, EBRD");
        assertThat(value(invited, "SEQUENCE")).isEqualTo("0");
        assertThat(value(invited, "ATTENDEE")).isEqualTo("mailto:" + aibek.email);
        assertThat(value(invited, "ORGANIZER")).isEqualTo("mailto:no-reply@civic-taskforce.example");
        assertThat(invited.getProperty("LOCATION")).as("the online link stays in membership").isEmpty();

        Instant movedTo = startsAt.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30));
        publish(meetingId, new MeetingRescheduled(meetingId, startsAt, movedTo, bishkek, 60, Instant.now(), 1));
        net.fortuna.ical4j.model.component.VEvent moved = calendarEvent(awaitMail(aibek, "Встреча перенесена:"),
                "REQUEST");
        assertThat(value(moved, "UID")).isEqualTo(meetingId + "@civic-taskforce");
        assertThat(value(moved, "SEQUENCE")).isEqualTo("1");
        assertThat(moved.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo(bishkek);
        assertThat(value(moved, "DTSTART")).endsWith("T153000");
        assertThat(value(moved, "DTEND")).endsWith("T163000");

        publish(meetingId, new MeetingCancelled(meetingId, Instant.now()));
        assertThat(Mails.parts(awaitMail(aibek, "Встреча отменена:"), "text/calendar")).isEmpty();
    }

    /** The one text/calendar part of a mail, parsed as a calendar client would. */
    private static net.fortuna.ical4j.model.component.VEvent calendarEvent(MimeMessage mail, String method)
            throws Exception {
        List<jakarta.mail.Part> calendars = Mails.parts(mail, "text/calendar");
        assertThat(calendars).hasSize(1);
        jakarta.mail.Part part = calendars.get(0);
        assertThat(part.getContentType()).containsIgnoringCase("method=" + method)
                .containsIgnoringCase("charset=UTF-8");
        assertThat(part.getDisposition()).isEqualToIgnoringCase(jakarta.mail.Part.ATTACHMENT);
        assertThat(part.getFileName()).endsWith(".ics");
        String ics = new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.StringReader(ics));
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method);
        assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
        return (net.fortuna.ical4j.model.component.VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    private static String value(net.fortuna.ical4j.model.component.VEvent event, String property) {
        return event.getProperty(property).map(net.fortuna.ical4j.model.Property::getValue).orElse(null);
    }

    // --- publishing as membership-service does ---

    private record Person(String id, String email, String name, String language, String timeZone) {
    }

    private static Person person(String language, String timeZone, String name) {
        String id = "person-" + UUID.randomUUID();
        return new Person(id, id.substring(7, 19) + "@example.org", name, language, timeZone);
    }

    private void publishContact(Person p) {
        TestEvents.send(kafka, new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.MEMBERSHIP_CONTACTS,
                p.id, EventJson.write(new PersonContact(p.id, p.name, p.email, p.language, p.timeZone))));
    }

    private EventEnvelope publish(String meetingId, Object event) {
        EventEnvelope envelope = EventEnvelope.of("membership-service", meetingId, event, "corr-" + UUID.randomUUID());
        TestEvents.publish(kafka, Topics.MEMBERSHIP_EVENTS, envelope);
        return envelope;
    }

    // --- observing ---

    private List<org.civictaskforce.notification.domain.Reminder> pendingReminders(String meetingId) {
        return reminderStore.findAllOf(meetingId).stream()
                .filter(r -> ReminderDocument.PENDING.equals(r.status())).toList();
    }

    private String rsvpOf(String meetingId, Person p) {
        Meeting.Invitee invitee = meetings.find(meetingId).orElseThrow().invitees().get(p.id);
        return invitee == null ? null : invitee.rsvp();
    }

    private static List<MimeMessage> mailsTo(Person p, String subjectStart) {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages())
                .filter(m -> addressedTo(m, p.email) && subject(m).startsWith(subjectStart)).toList();
    }

    private static MimeMessage awaitMail(Person p, String subjectStart) {
        await().atMost(WAIT).until(() -> !mailsTo(p, subjectStart).isEmpty());
        List<MimeMessage> mails = mailsTo(p, subjectStart);
        assertThat(mails).as("one mail to the person starting " + subjectStart).hasSize(1);
        return mails.get(0);
    }
}
