package org.civictaskforce.strategy.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.bson.Document;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.contracts.strategy.ConsultationCommentAdded;
import org.civictaskforce.platform.audit.AuditLog;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OutboxEvent;
import org.civictaskforce.platform.outbox.OutboxProperties;
import org.civictaskforce.platform.outbox.OutboxRelay;
import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.platform.problem.ForbiddenException;
import org.civictaskforce.platform.security.Caller;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.strategy.application.ConsultationRoundStore;
import org.civictaskforce.strategy.application.ConsultationService;
import org.civictaskforce.strategy.application.ParticipantReadModel;
import org.civictaskforce.strategy.domain.consultation.Comment;
import org.civictaskforce.strategy.domain.consultation.ConsultationRound;
import org.civictaskforce.strategy.domain.guide.GuideRuleException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;
import org.springframework.messaging.Message;
import org.threeten.extra.MutableClock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/**
 * Adding a comment is an atomic append to the round's document ({@link MongoConsultationRoundStore#appendComment}),
 * not a save over the round's version: comments fired at one round at once all land, each decided once, with its
 * event in the outbox; what the round checked (open, room for one more, the author invited) is checked again in the
 * write, so a round that closed, filled up or stopped inviting the author in between refuses as the round would, and
 * keeps what it had. The use case and the store against the wire-compatible store, without Spring or Kafka; the relay
 * is a real one, driven by hand, sending to a stand-in for the binder.
 */
class ConsultationCommentAppendIT {
    private static final Instant NOW = Instant.parse("2026-12-10T09:00:00Z");
    private static final LocalDateTime DEADLINE = LocalDateTime.parse("2026-12-20T18:00:00");
    private static final String ZONE = "Asia/Almaty";
    private static final String ADDED = EventTypes.typeOf(ConsultationCommentAdded.class);
    private static final String SECTION = "Open budgets for IFI projects, published in every country.";

    private static MongoClient client;
    private static MongoTemplate mongo;

    private final MutableClock clock = MutableClock.of(NOW, ZoneOffset.UTC);
    private final AtomicInteger wakes = new AtomicInteger();
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private CountingStore store;
    private OutboxRelay relay;
    private ConsultationService consultations;

    @BeforeAll
    static void connect() {
        String database = "strategy-comment-append-" + UUID.randomUUID();
        client = MongoClients.create(MongoTestServer.uri(database));
        mongo = new MongoTemplate(client, database);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void services() {
        StreamBridge bridge = mock(StreamBridge.class);
        when(bridge.send(anyString(), any())).thenAnswer(call -> {
            Message<?> message = call.getArgument(1);
            sent.add(new String((byte[]) message.getPayload(), StandardCharsets.UTF_8));
            return true;
        });
        relay = new OutboxRelay(mongo, bridge, new OutboxProperties(true, "strategy.events.v1", "outbox-out-0",
                List.of(ConsultationRoundDocument.COLLECTION), Duration.ofHours(1), Duration.ofSeconds(30)), clock,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), new AuditLog(mongo)) {
            @Override
            public void wake() {
                wakes.incrementAndGet(); // not started: the test relays by hand, and counts the wake-ups asked for
            }
        };
        ConsultationRoundRepository repository = new MongoRepositoryFactory(mongo)
                .getRepository(ConsultationRoundRepository.class);
        store = new CountingStore(new MongoConsultationRoundStore(repository, mongo,
                new DomainEvents("strategy-service", clock), new StaticListableBeanFactory(Map.of("relay", relay))
                        .getBeanProvider(OutboxRelay.class)));
        ParticipantReadModel participants = mock(ParticipantReadModel.class);
        when(participants.facts(anyString())).thenAnswer(call -> new ParticipantReadModel.Facts(call.getArgument(0),
                "KZ", List.of()));
        when(participants.peopleOf(any())).thenReturn(List.of());
        consultations = new ConsultationService(store, null, null, participants, clock, "working-group");
    }

    @AfterEach
    void empty() {
        mongo.dropCollection(ConsultationRoundDocument.COLLECTION);
    }

    @Test
    void fortyCommentsFiredAtOneRoundFromEightThreadsAllLandEachDecidedOnceWithItsEvent() throws Exception {
        List<String> people = IntStream.range(0, 40).mapToObj(i -> "p-" + i).toList();
        String round = open(people);
        long versionBefore = stored(round).getLong("version");

        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<Comment>> answers = new ArrayList<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (String person : people) {
            answers.add(threads.submit(() -> {
                go.await();
                return consultations.comment(round, "goals", "Open budgets", "Comment by " + person,
                        member(person));
            }));
        }
        go.countDown();
        List<Comment> created = new ArrayList<>();
        List<Throwable> failed = new ArrayList<>();
        for (Future<Comment> answer : answers) {
            try {
                created.add(answer.get(60, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                failed.add(e.getCause());
            }
        }
        threads.shutdown();

        assertThat(failed).as("comments refused").isEmpty();
        assertThat(store.loads.get()).as("loads: one per comment, none retried after a conflict").isEqualTo(40);
        // each answer is the caller's own comment
        assertThat(created).extracting(Comment::authorId).containsExactlyInAnyOrderElementsOf(people);
        assertThat(created).allSatisfy(c -> assertThat(c.text()).isEqualTo("Comment by " + c.authorId()));
        Set<String> ids = new HashSet<>(created.stream().map(Comment::id).toList());
        assertThat(ids).hasSize(40);

        ConsultationRound after = store.find(round).orElseThrow().value();
        assertThat(after.comments()).hasSize(40);
        assertThat(after.comments()).extracting(Comment::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(after.comments()).allSatisfy(c -> {
            assertThat(c.quote()).isEqualTo("Open budgets");
            assertThat(c.country()).isEqualTo("KZ");
            assertThat(c.at()).isEqualTo(NOW);
        });
        Document document = stored(round);
        assertThat(document.getLong("version")).isEqualTo(versionBefore + 40);
        assertThat(document.getLong(ConsultationRoundDocument.COMMENT_CHARACTERS))
                .isEqualTo(after.commentCharacters());
        assertThat(commentIdsInOutbox(document)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(wakes.get()).as("relay woken after each append").isEqualTo(40);

        // the relay reads the appended entries as it reads saved ones, and sends each exactly once
        assertThat(relay.relayAll()).isEqualTo(41); // and the round's opening
        List<String> addedSent = sent.stream().filter(e -> e.contains("\"" + ADDED + "\"")).toList();
        assertThat(addedSent).hasSize(40);
        assertThat(addedSent.stream().map(e -> EventJson.readEnvelope(e).data().path("commentId").asString()))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(stored(round).getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void aCommentOnARoundThatClosedBetweenItsLoadAndItsWriteIsRefusedAsClosedAndChangesNothing() {
        String round = open(List.of("p-1", "p-2"));
        consultations.comment(round, "goals", null, "Before the deadline.", member("p-2"));
        AtomicReference<Map<String, Object>> whenClosed = new AtomicReference<>();
        store.beforeNextAppend(() -> {
            // the round checked the deadline already: the clock passes it and closes the round before the write
            clock.setInstant(DEADLINE.atZone(ZoneId.of(ZONE)).toInstant());
            assertThat(consultations.closeOverdue()).isEqualTo(1);
            whenClosed.set(summary(round));
        });
        int wakesBefore = wakes.get();

        assertThatThrownBy(() -> consultations.comment(round, "goals", null, "Just in time?", member("p-1")))
                .isInstanceOfSatisfying(GuideRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(GuideRuleException.Kind.CONFLICT))
                .hasMessageContaining("the consultation closed at its deadline");

        assertThat(whenClosed.get()).as("the write was tried after the round closed").isNotNull();
        assertThat(summary(round)).isEqualTo(whenClosed.get());
        assertThat(stored(round).getString("status")).isEqualTo("CLOSED");
        assertThat(store.find(round).orElseThrow().value().comments()).extracting(Comment::authorId)
                .containsExactly("p-2");
        assertThat(wakes.get()).isEqualTo(wakesBefore);
    }

    @Test
    void whenAnotherCommentTookTheLastPlaceTheRoundIsFullAndKeepsWhatItHas() {
        List<Comment> earlier = new ArrayList<>();
        for (int i = 0; i < ConsultationRound.MAX_COMMENTS - 1; i++) {
            earlier.add(comment("c-" + i, "p-0", "short"));
        }
        String round = insert(List.of("p-0", "p-late", "p-last"), earlier);
        AtomicReference<Map<String, Object>> whenFull = new AtomicReference<>();
        store.beforeNextAppend(() -> {
            consultations.comment(round, "goals", null, "The last place.", member("p-last"));
            whenFull.set(summary(round));
        });

        assertThatThrownBy(() -> consultations.comment(round, "goals", null, "One too many.", member("p-late")))
                .isInstanceOfSatisfying(GuideRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(GuideRuleException.Kind.INVALID))
                .hasMessageContaining("this round is full");

        assertThat(summary(round)).isEqualTo(whenFull.get());
        ConsultationRound after = store.find(round).orElseThrow().value();
        assertThat(after.comments()).hasSize(ConsultationRound.MAX_COMMENTS);
        assertThat(after.comments()).extracting(Comment::authorId).contains("p-last").doesNotContain("p-late");
        assertThat(commentIdsInOutbox(stored(round))).hasSize(1);
    }

    @Test
    void whenAnotherCommentTookTheLastCharactersTheRoundIsFullAndKeepsWhatItHas() {
        List<Comment> earlier = new ArrayList<>();
        int room = 10_000;
        String longest = "ж".repeat(ConsultationRound.MAX_TEXT);
        for (int i = 0; i < (ConsultationRound.MAX_COMMENT_CHARACTERS - room) / ConsultationRound.MAX_TEXT; i++) {
            earlier.add(comment("c-" + i, "p-0", longest));
        }
        String round = insert(List.of("p-0", "p-late", "p-last"), earlier);
        assertThat(stored(round).getLong(ConsultationRoundDocument.COMMENT_CHARACTERS))
                .isEqualTo(ConsultationRound.MAX_COMMENT_CHARACTERS - room);
        AtomicReference<Map<String, Object>> whenFull = new AtomicReference<>();
        store.beforeNextAppend(() -> {
            consultations.comment(round, "goals", null, "ы".repeat(6_000), member("p-last"));
            whenFull.set(summary(round));
        });

        // 6 000 more fitted when the round was loaded, not after the other 6 000
        assertThatThrownBy(() -> consultations.comment(round, "goals", null, "ю".repeat(6_000), member("p-late")))
                .isInstanceOfSatisfying(GuideRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(GuideRuleException.Kind.INVALID))
                .hasMessageContaining("this round is full");

        assertThat(summary(round)).isEqualTo(whenFull.get());
        ConsultationRound after = store.find(round).orElseThrow().value();
        assertThat(after.commentCharacters()).isEqualTo(ConsultationRound.MAX_COMMENT_CHARACTERS - room + 6_000);
        assertThat(stored(round).getLong(ConsultationRoundDocument.COMMENT_CHARACTERS))
                .isEqualTo(after.commentCharacters());
        assertThat(after.comments()).extracting(Comment::authorId).contains("p-last").doesNotContain("p-late");
    }

    @Test
    void anInviteeErasedBetweenTheLoadAndTheWriteIsNoLongerInvitedAndAddsNothing() {
        String round = open(List.of("p-1", "p-2"));
        relay.relayAll(); // the opening named p-1
        store.beforeNextAppend(() -> assertThat(consultations.personErased("p-1")).isEqualTo(1));

        assertThatThrownBy(() -> consultations.comment(round, "goals", null, "Mine.", member("p-1")))
                .isInstanceOf(ForbiddenException.class);

        assertThat(store.find(round).orElseThrow().value().comments()).isEmpty();
        assertThat(stored(round).toJson()).doesNotContain("p-1");
    }

    @Test
    void aFullSaveFromACopyLoadedBeforeAnAppendFailsItsVersionCheck() {
        String round = open(List.of("p-1", "p-2"));
        Comment first = consultations.comment(round, "goals", null, "First.", member("p-1"));
        Versioned<ConsultationRound> beforeTheAppend = store.find(round).orElseThrow();
        consultations.comment(round, "goals", null, "Second.", member("p-2"));

        List<Object> edited = beforeTheAppend.value().edit(first.id(), "First, changed.", NOW);
        assertThatThrownBy(() -> store.update(beforeTheAppend, edited))
                .isInstanceOf(OptimisticLockingFailureException.class);
        // through the use case it is retried on a fresh copy, and both comments stay
        consultations.editComment(round, first.id(), "First, changed.", member("p-1"));
        ConsultationRound after = store.find(round).orElseThrow().value();
        assertThat(after.comments()).extracting(Comment::text).containsExactly("First, changed.", "Second.");
        assertThat(stored(round).getLong(ConsultationRoundDocument.COMMENT_CHARACTERS))
                .isEqualTo(after.commentCharacters());
    }

    @Test
    void appendedCommentsAreEditedWithdrawnAndAnonymisedLikeSavedOnes() {
        String round = open(List.of("p-1", "p-2"));
        Comment kept = consultations.comment(round, "goals", "Open budgets", "Mine.", member("p-1"));
        Comment withdrawn = consultations.comment(round, "goals", null, "Withdrawn later.", member("p-2"));
        consultations.editComment(round, kept.id(), "Mine, changed.", member("p-1"));
        consultations.withdrawComment(round, withdrawn.id(), member("p-2"));
        consultations.reply(round, kept.id(), "A reply.", member("p-2"));
        relay.relayAll(); // the events named p-1

        assertThat(consultations.personErased("p-1")).isEqualTo(1);

        ConsultationRound after = store.find(round).orElseThrow().value();
        assertThat(after.comments()).hasSize(1);
        Comment anonymised = after.comments().get(0);
        assertThat(anonymised.id()).isEqualTo(kept.id());
        assertThat(anonymised.authorId()).startsWith("erased-");
        assertThat(anonymised.text()).isEqualTo("Mine, changed.");
        assertThat(anonymised.replies()).extracting(Comment.Reply::authorId).containsExactly("p-2");
        assertThat(stored(round).toJson()).doesNotContain("\"p-1\"");
        assertThat(store.naming("p-1")).isEmpty();
        assertThat(stored(round).getLong(ConsultationRoundDocument.COMMENT_CHARACTERS))
                .isEqualTo(after.commentCharacters());
    }

    @Test
    void aReplyToACommentWithdrawnBetweenItsLoadAndItsWriteIsRefusedAsGoneAndAddsNothing() {
        String round = open(List.of("p-1", "p-2"));
        Comment withdrawn = consultations.comment(round, "goals", null, "Withdrawn meanwhile.", member("p-1"));
        store.beforeNextAppend(() -> consultations.withdrawComment(round, withdrawn.id(), member("p-1")));
        int loadsBefore = store.loads.get();

        assertThatThrownBy(() -> consultations.reply(round, withdrawn.id(), "Too late.", member("p-2")))
                .isInstanceOfSatisfying(GuideRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(GuideRuleException.Kind.NOT_FOUND));

        assertThat(store.loads.get() - loadsBefore).as("the reply, the withdrawal, the reply again").isEqualTo(3);
        assertThat(store.find(round).orElseThrow().value().comments()).isEmpty();
        assertThat(stored(round).getLong(ConsultationRoundDocument.REPLY_COUNT)).isZero();
        assertThat(stored(round).toJson()).doesNotContain("Too late.");
    }

    @Test
    void anEditOfACommentResolvedBetweenItsLoadAndItsWriteIsRefusedAndTheTextStays() {
        String round = open(List.of("p-1", "p-2"));
        Comment comment = consultations.comment(round, "goals", null, "As first written.", member("p-1"));
        store.beforeNextAppend(() -> consultations.resolve(round, comment.id(), Comment.Outcome.ACCEPTED, null,
                new Caller("coord", Set.of(Role.COORDINATOR))));

        assertThatThrownBy(() -> consultations.editComment(round, comment.id(), "Changed.", member("p-1")))
                .isInstanceOfSatisfying(GuideRuleException.class,
                        e -> assertThat(e.kind()).isEqualTo(GuideRuleException.Kind.CONFLICT))
                .hasMessageContaining("already resolved");

        Comment after = store.find(round).orElseThrow().value().comment(comment.id());
        assertThat(after.text()).isEqualTo("As first written.");
        assertThat(after.resolution().outcome()).isEqualTo(Comment.Outcome.ACCEPTED);
        assertThat(stored(round).getLong(ConsultationRoundDocument.COMMENT_CHARACTERS))
                .isEqualTo("As first written.".length());
    }

    @Test
    void twoEditsDecidedOnTheSameTextDoNotBothApplyTheSecondIsDecidedAgain() {
        String round = open(List.of("p-1"));
        Comment comment = consultations.comment(round, "goals", null, "Short.", member("p-1"));
        store.beforeNextAppend(() -> consultations.editComment(round, comment.id(), "A much longer text.",
                member("p-1")));

        consultations.editComment(round, comment.id(), "Mid text.", member("p-1"));

        ConsultationRound after = store.find(round).orElseThrow().value();
        assertThat(after.comment(comment.id()).text()).isEqualTo("Mid text.");
        assertThat(stored(round).getLong(ConsultationRoundDocument.COMMENT_CHARACTERS))
                .as("the difference counted from the text it replaced").isEqualTo(after.commentCharacters());
    }

    @Test
    void aRoundStoredBeforeItsRepliesWereCountedIsSavedInFullOnceAndThenAppendedTo() {
        String round = insert(List.of("p-1", "p-2"), List.of(comment("c-old", "p-1", "An older comment.")));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(round)),
                new Update().unset(ConsultationRoundDocument.REPLY_COUNT), ConsultationRoundDocument.COLLECTION);

        consultations.reply(round, "c-old", "Saved in full.", member("p-2"));
        assertThat(stored(round).getLong(ConsultationRoundDocument.REPLY_COUNT)).isEqualTo(1L);
        consultations.reply(round, "c-old", "Appended.", member("p-1"));

        ConsultationRound after = store.find(round).orElseThrow().value();
        assertThat(after.comment("c-old").replies()).extracting(Comment.Reply::text)
                .containsExactly("Saved in full.", "Appended.");
        assertThat(stored(round).getLong(ConsultationRoundDocument.REPLY_COUNT)).isEqualTo(2L);
        assertThat(stored(round).getLong(ConsultationRoundDocument.COMMENT_CHARACTERS))
                .isEqualTo(after.commentCharacters());
    }

    @Test
    void aRoundStoredBeforeItsCharactersWereKeptIsSavedInFullOnceAndThenAppendedTo() {
        String round = insert(List.of("p-1", "p-2"), List.of(comment("c-old", "p-1", "An older comment.")));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(round)),
                new Update().unset(ConsultationRoundDocument.COMMENT_CHARACTERS), ConsultationRoundDocument.COLLECTION);
        int wakesBefore = wakes.get();

        consultations.comment(round, "goals", null, "Counted with the older one.", member("p-2"));
        consultations.comment(round, "goals", null, "Appended.", member("p-1"));
        assertThat(store.loads.get()).as("neither retried").isEqualTo(2);

        ConsultationRound after = store.find(round).orElseThrow().value();
        assertThat(after.comments()).extracting(Comment::text).containsExactly("An older comment.",
                "Counted with the older one.", "Appended.");
        assertThat(stored(round).getLong(ConsultationRoundDocument.COMMENT_CHARACTERS))
                .isEqualTo(after.commentCharacters());
        assertThat(commentIdsInOutbox(stored(round))).hasSize(2);
        assertThat(wakes.get()).as("the full save wakes the relay through OutboxWakeUp, not here")
                .isEqualTo(wakesBefore + 1);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private String open(List<String> people) {
        return insert(people, List.of());
    }

    private String insert(List<String> people, List<Comment> comments) {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("context", "Central Asian CSOs and the IFIs.");
        sections.put("goals", SECTION);
        ConsultationRound.Opened opened = ConsultationRound.open("round-" + UUID.randomUUID(),
                ConsultationRound.SubjectKind.STRATEGY_VERSION, "1", sections, DEADLINE, ZONE, List.of(), people,
                Set.copyOf(people), NOW, "coord");
        ConsultationRound round = opened.round();
        if (!comments.isEmpty()) {
            round = ConsultationRound.restore(round.id(), round.subjectKind(), round.subjectRef(), round.sections(),
                    round.deadline(), round.timeZone(), round.invitedOrganisations(), round.invitedPeople(),
                    round.openedAt(), round.openedBy(), round.status(), null, null, comments);
        }
        store.insert(round, opened.events());
        return round.id();
    }

    private static Comment comment(String id, String author, String text) {
        return new Comment(id, author, List.of(), "KZ", "goals", null, text, NOW, null, List.of(), null);
    }

    private static Caller member(String personId) {
        return new Caller(personId, Set.of(Role.MEMBER));
    }

    private static Document stored(String round) {
        return mongo.getCollection(ConsultationRoundDocument.COLLECTION).find(Filters.eq("_id", round)).first();
    }

    /**
     * What a write to the round changes: its version, status, comments (each by id, stored as {@code _id}, author and
     * length), characters and outbox.
     */
    private static Map<String, Object> summary(String round) {
        Document document = stored(round);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("version", document.get("version"));
        summary.put("status", document.get("status"));
        summary.put("comments", document.getList("comments", Document.class).stream()
                .map(c -> c.get("_id") + " " + c.getString("authorId") + " " + c.getString("text").length())
                .toList());
        summary.put("characters", document.get(ConsultationRoundDocument.COMMENT_CHARACTERS));
        summary.put("outbox", document.getList("outbox", Document.class).stream().map(e -> e.getString("eventId"))
                .toList());
        return summary;
    }

    /** The comment ids of the comment-added events waiting in the round's outbox, read as the relay reads them. */
    private static List<String> commentIdsInOutbox(Document round) {
        return round.getList("outbox", Document.class).stream()
                .map(d -> mongo.getConverter().read(OutboxEvent.class, d))
                .filter(e -> e.type().equals(ADDED))
                .map(e -> e.toEnvelope().data().path("commentId").asString()).toList();
    }

    /** The store, counting loads, and able to run something once between a comment's load and its write. */
    static final class CountingStore implements ConsultationRoundStore {
        private final ConsultationRoundStore store;
        final AtomicInteger loads = new AtomicInteger();
        private final AtomicReference<Runnable> beforeNextAppend = new AtomicReference<>();

        CountingStore(ConsultationRoundStore store) {
            this.store = store;
        }

        void beforeNextAppend(Runnable meanwhile) {
            beforeNextAppend.set(meanwhile);
        }

        @Override
        public boolean appendComment(Versioned<ConsultationRound> commented, String commentId, List<?> events) {
            meanwhile();
            return store.appendComment(commented, commentId, events);
        }

        /** Runs what was to happen between the next atomic write's load and the write, once. */
        private void meanwhile() {
            Runnable meanwhile = beforeNextAppend.getAndSet(null);
            if (meanwhile != null) {
                meanwhile.run();
            }
        }

        @Override
        public boolean appendReply(Versioned<ConsultationRound> replied, String commentId, String replyId,
                List<String> inviteeOrganisations, List<?> events) {
            meanwhile();
            return store.appendReply(replied, commentId, replyId, inviteeOrganisations, events);
        }

        @Override
        public boolean editComment(Versioned<ConsultationRound> edited, Comment before, List<?> events) {
            meanwhile();
            return store.editComment(edited, before, events);
        }

        @Override
        public boolean resolveComment(Versioned<ConsultationRound> resolved, String commentId, List<?> events) {
            meanwhile();
            return store.resolveComment(resolved, commentId, events);
        }

        @Override
        public Optional<Versioned<ConsultationRound>> find(String id) {
            loads.incrementAndGet();
            return store.find(id);
        }

        @Override
        public void insert(ConsultationRound round, List<?> events) {
            store.insert(round, events);
        }

        @Override
        public void update(Versioned<ConsultationRound> changed, List<?> events) {
            store.update(changed, events);
        }

        @Override
        public List<ConsultationRound> newestFirst() {
            return store.newestFirst();
        }

        @Override
        public List<ConsultationRound> onSubject(ConsultationRound.SubjectKind kind, String ref) {
            return store.onSubject(kind, ref);
        }

        @Override
        public List<String> openDueBy(Instant deadline) {
            return store.openDueBy(deadline);
        }

        @Override
        public List<String> openNotRemindedDueBy(Instant deadline) {
            return store.openNotRemindedDueBy(deadline);
        }

        @Override
        public List<String> naming(String personId) {
            return store.naming(personId);
        }
    }
}
