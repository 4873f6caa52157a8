package org.civictaskforce.strategy.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.Document;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.contracts.strategy.ConsultationCommentAdded;
import org.civictaskforce.contracts.strategy.ConsultationCommentEdited;
import org.civictaskforce.contracts.strategy.ConsultationCommentReplied;
import org.civictaskforce.contracts.strategy.ConsultationCommentResolved;
import org.civictaskforce.platform.audit.AuditLog;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OutboxEvent;
import org.civictaskforce.platform.outbox.OutboxProperties;
import org.civictaskforce.platform.outbox.OutboxRelay;
import org.civictaskforce.platform.security.Caller;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.strategy.application.ConsultationService;
import org.civictaskforce.strategy.application.ParticipantReadModel;
import org.civictaskforce.strategy.domain.consultation.Comment;
import org.civictaskforce.strategy.domain.consultation.ConsultationRound;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;
import org.threeten.extra.MutableClock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/**
 * A deadline burst on one round: 8 threads add 40 comments while 3 other threads reply 20 times, edit 10 existing
 * comments (by their authors) and resolve 10 others (a coordinator). Comments are appended without the round's
 * version check ({@link MongoConsultationRoundStore#appendComment}); this measures what the burst does to the other
 * commands, counting per kind what succeeded and what failed with which exception (an
 * {@link OptimisticLockingFailureException} after the last retry is a 409 at the API), and prints it on a line
 * starting {@code BURST RESULT}. Whatever the counts, nothing is lost: every comment lands, and exactly what succeeded
 * is stored, each with its one event in the outbox.
 */
class ConsultationBurstConflictsIT {
    private static final Instant NOW = Instant.parse("2026-12-10T09:00:00Z");
    private static final LocalDateTime DEADLINE = LocalDateTime.parse("2026-12-20T18:00:00");
    private static final String ZONE = "Asia/Almaty";
    private static final String SECTION = "Open budgets for IFI projects, published in every country.";
    private static final int COMMENTS = 40;
    private static final int EXISTING = 20;
    private static final int REPLIES = 20;
    private static final int EDITS = 10;
    private static final int RESOLUTIONS = 10;

    private static MongoClient client;
    private static MongoTemplate mongo;

    private final MutableClock clock = MutableClock.of(NOW, ZoneOffset.UTC);
    private ConsultationCommentAppendIT.CountingStore store;
    private ConsultationService consultations;

    @BeforeAll
    static void connect() {
        String database = "strategy-burst-" + UUID.randomUUID();
        client = MongoClients.create(MongoTestServer.uri(database));
        mongo = new MongoTemplate(client, database);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void services() {
        OutboxRelay relay = new OutboxRelay(mongo, mock(StreamBridge.class), new OutboxProperties(true,
                "strategy.events.v1", "outbox-out-0", List.of(ConsultationRoundDocument.COLLECTION),
                Duration.ofHours(1), Duration.ofSeconds(30)), clock,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), new AuditLog(mongo)) {
            @Override
            public void wake() {
                // not started: the events stay in the outbox, where the test counts them
            }
        };
        ConsultationRoundRepository repository = new MongoRepositoryFactory(mongo)
                .getRepository(ConsultationRoundRepository.class);
        store = new ConsultationCommentAppendIT.CountingStore(new MongoConsultationRoundStore(repository, mongo,
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

    /** One command of the burst: its kind, what it is, and how it is run. */
    private record Command(String kind, String what, Function<ConsultationService, Object> run) {
    }

    @Test
    void aDeadlineBurstOfCommentsLosesNothingAndCountsWhatTheOtherCommandsMet() throws Exception {
        List<String> commenters = IntStream.range(0, COMMENTS).mapToObj(i -> "n-" + i).toList();
        List<String> authors = IntStream.range(0, EXISTING).mapToObj(i -> "a-" + i).toList();
        List<String> repliers = IntStream.range(0, REPLIES).mapToObj(i -> "r-" + i).toList();
        List<String> people = new ArrayList<>(commenters);
        people.addAll(authors);
        people.addAll(repliers);
        List<Comment> existing = IntStream.range(0, EXISTING).mapToObj(i -> new Comment("c-" + i, "a-" + i, List.of(),
                "KZ", "goals", null, "Existing comment " + i, NOW, null, List.of(), null)).toList();
        String round = insert(people, existing);
        long versionBefore = stored(round).getLong("version");

        List<Command> comments = commenters.stream().map(p -> new Command("comment", "Comment by " + p,
                s -> s.comment(round, "goals", null, "Comment by " + p, member(p)))).toList();
        List<Command> others = new ArrayList<>();
        for (int i = 0; i < REPLIES; i++) {
            String replier = repliers.get(i);
            String on = "c-" + (i % EXISTING);
            String text = "Reply " + i + " by " + replier;
            others.add(new Command("reply", text, s -> s.reply(round, on, text, member(replier))));
        }
        for (int i = 0; i < EDITS; i++) {
            String id = "c-" + i;
            String author = "a-" + i;
            others.add(new Command("edit", id, s -> s.editComment(round, id, "Edited " + id, member(author))));
        }
        for (int i = EDITS; i < EDITS + RESOLUTIONS; i++) {
            String id = "c-" + i;
            others.add(new Command("resolve", id, s -> s.resolve(round, id, Comment.Outcome.ACCEPTED, null,
                    coordinator())));
        }
        Collections.shuffle(others, new Random(42));

        Map<String, List<String>> succeeded = new ConcurrentHashMap<>();
        Map<String, Map<String, AtomicInteger>> failed = new ConcurrentHashMap<>();
        ExecutorService commentThreads = Executors.newFixedThreadPool(8);
        ExecutorService otherThreads = Executors.newFixedThreadPool(3);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> all = new ArrayList<>();
        List<Command> interleaved = new ArrayList<>();
        // the other commands are submitted among the comments, so that they run while comments keep arriving
        for (int i = 0; i < Math.max(comments.size(), others.size()); i++) {
            if (i < comments.size()) {
                interleaved.add(comments.get(i));
            }
            if (i < others.size()) {
                interleaved.add(others.get(i));
            }
        }
        long started = System.nanoTime();
        for (Command command : interleaved) {
            ExecutorService on = command.kind().equals("comment") ? commentThreads : otherThreads;
            all.add(on.submit(() -> {
                go.await();
                try {
                    consultationsRun(command);
                    succeeded.computeIfAbsent(command.kind(), k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(command.what());
                } catch (RuntimeException e) {
                    failed.computeIfAbsent(command.kind(), k -> new ConcurrentHashMap<>())
                            .computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : all) {
            f.get(120, TimeUnit.SECONDS);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        commentThreads.shutdown();
        otherThreads.shutdown();

        Map<String, String> result = new LinkedHashMap<>();
        for (String kind : List.of("comment", "reply", "edit", "resolve")) {
            int ok = succeeded.getOrDefault(kind, List.of()).size();
            Map<String, Integer> why = new TreeMap<>();
            failed.getOrDefault(kind, Map.of()).forEach((k, v) -> why.put(k, v.get()));
            result.put(kind, ok + " ok, " + why.values().stream().mapToInt(Integer::intValue).sum() + " failed "
                    + why);
        }
        System.out.println("BURST RESULT " + result + "; loads " + store.loads.get() + " (" + (COMMENTS + REPLIES
                + EDITS + RESOLUTIONS) + " commands); " + millis + " ms");

        List<String> replied = succeeded.getOrDefault("reply", List.of());
        List<String> edited = succeeded.getOrDefault("edit", List.of());
        List<String> resolved = succeeded.getOrDefault("resolve", List.of());
        // what failed failed only on conflicts, never otherwise
        assertThat(failed.keySet()).doesNotContain("comment");
        failed.values().forEach(why -> assertThat(why.keySet()).allSatisfy(
                name -> assertThat(name).isEqualTo(OptimisticLockingFailureException.class.getSimpleName())));
        assertThat(succeeded.getOrDefault("comment", List.of())).hasSize(COMMENTS);
        // replies, edits and resolutions are atomic updates of their comment too: none conflicts, none is retried
        assertThat(failed).as("refused").isEmpty();
        assertThat(store.loads.get()).as("loads: one per command, none retried after a conflict")
                .isEqualTo(COMMENTS + REPLIES + EDITS + RESOLUTIONS);

        // every comment landed, and exactly what succeeded is stored: no lost update, nothing half done
        ConsultationRound after = store.find(round).orElseThrow().value();
        assertThat(after.comments()).hasSize(EXISTING + COMMENTS);
        assertThat(after.comments()).extracting(Comment::text)
                .containsAll(commenters.stream().map(p -> "Comment by " + p).toList());
        assertThat(after.comments().stream().flatMap(c -> c.replies().stream()).map(Comment.Reply::text).toList())
                .containsExactlyInAnyOrderElementsOf(replied);
        for (int i = 0; i < REPLIES; i++) {
            String text = "Reply " + i + " by r-" + i;
            if (replied.contains(text)) {
                assertThat(after.comment("c-" + (i % EXISTING)).replies()).extracting(Comment.Reply::text)
                        .contains(text);
            }
        }
        for (int i = 0; i < EDITS; i++) {
            String id = "c-" + i;
            assertThat(after.comment(id).text()).isEqualTo(edited.contains(id) ? "Edited " + id
                    : "Existing comment " + i);
        }
        assertThat(after.comments().stream().filter(c -> c.resolution() != null).map(Comment::id).toList())
                .containsExactlyInAnyOrderElementsOf(resolved);

        // one event for each, in the round's outbox, written with it
        Document document = stored(round);
        Map<String, Long> events = outboxTypes(document);
        assertThat(events.getOrDefault(type(ConsultationCommentAdded.class), 0L)).isEqualTo(COMMENTS);
        assertThat(events.getOrDefault(type(ConsultationCommentReplied.class), 0L)).isEqualTo(replied.size());
        assertThat(events.getOrDefault(type(ConsultationCommentEdited.class), 0L)).isEqualTo(edited.size());
        assertThat(events.getOrDefault(type(ConsultationCommentResolved.class), 0L)).isEqualTo(resolved.size());
        assertThat(document.getLong(ConsultationRoundDocument.COMMENT_CHARACTERS))
                .isEqualTo(after.commentCharacters());
        assertThat(document.getLong("version")).as("one version a write")
                .isEqualTo(versionBefore + COMMENTS + replied.size() + edited.size() + resolved.size());
    }

    private void consultationsRun(Command command) {
        command.run().apply(consultations);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private String insert(List<String> people, List<Comment> comments) {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("context", "Central Asian CSOs and the IFIs.");
        sections.put("goals", SECTION);
        ConsultationRound.Opened opened = ConsultationRound.open("round-" + UUID.randomUUID(),
                ConsultationRound.SubjectKind.STRATEGY_VERSION, "1", sections, DEADLINE, ZONE, List.of(), people,
                Set.copyOf(people), NOW, "coord");
        ConsultationRound round = opened.round();
        round = ConsultationRound.restore(round.id(), round.subjectKind(), round.subjectRef(), round.sections(),
                round.deadline(), round.timeZone(), round.invitedOrganisations(), round.invitedPeople(),
                round.openedAt(), round.openedBy(), round.status(), null, null, comments);
        store.insert(round, opened.events());
        return round.id();
    }

    private static String type(Class<?> event) {
        return EventTypes.typeOf(event);
    }

    private static Map<String, Long> outboxTypes(Document round) {
        return round.getList("outbox", Document.class).stream()
                .map(d -> mongo.getConverter().read(OutboxEvent.class, d))
                .collect(Collectors.groupingBy(OutboxEvent::type, Collectors.counting()));
    }

    private static Caller member(String personId) {
        return new Caller(personId, Set.of(Role.MEMBER));
    }

    private static Caller coordinator() {
        return new Caller("coord", Set.of(Role.COORDINATOR));
    }

    private static Document stored(String round) {
        return mongo.getCollection(ConsultationRoundDocument.COLLECTION).find(Filters.eq("_id", round)).first();
    }
}
