package org.civictaskforce.systemtests.journey;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackConfig;
import org.civictaskforce.devstack.DevstackService;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * End to end through the gateway, on the system {@code ./run-local.sh} starts (one replica each): a coordinator
 * invites members to meetings at a steady rate, one person per command, and for every invitation this measures from
 * the moment the HTTP command's answer arrived
 * <ul>
 * <li>command → inbox item: the {@code inbox-item} event on the invitee's live stream, read through the gateway as the
 * web workspace reads it;</li>
 * <li>command → e-mail accepted by the SMTP sink (the devstack's GreenMail, in this JVM: the time it stored the
 * mail, so the clock is the same as the command's).</li>
 * </ul>
 * It counts lost (never seen: the run waits until everything arrived or nothing new came for a minute) and duplicated
 * (seen twice). Then a burst: {@code benchmark.burst} invitations sent as fast as 32 senders can, and the rate at which
 * their e-mails were drained.
 * <p>
 * Asserts nothing: it prints a table and writes {@code target/benchmarks/e2e-notifications.md}. Tagged
 * {@code benchmark} and named so that no test pattern picks it up; the command is in docs/benchmarks.md. It starts
 * its own devstack with the gateway's rate limits off (the point is what the system does, not the limit).
 * System properties: {@code benchmark.rates} (commands/s, default {@code 5,20,100}), {@code benchmark.seconds}
 * (per rate, default 120), {@code benchmark.burst} (default 500, 0 for none), {@code benchmark.people} (invitees with
 * an open live inbox, default 10).
 */
@Tag("benchmark")
class NotificationLatencyBenchmark {
    private static final Pattern KEY = Pattern.compile("Bench (\\d+) (\\w+) m(\\d+)");

    private final String run = String.valueOf(System.currentTimeMillis() % 100000);
    /** "<phase> m<meeting>|<personId>" → when its command's answer arrived. */
    private final Map<String, Instant> answered = new ConcurrentHashMap<>();
    private final Map<String, Long> commandMillis = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> inbox = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> mail = new ConcurrentHashMap<>();
    private final Set<MimeMessage> mailsRead = Collections.newSetFromMap(new IdentityHashMap<>());
    private final AtomicInteger streamsReopened = new AtomicInteger();
    /** "<phase> <status or exception>" → invitations whose command failed so. */
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    @Test
    void commandToInboxAndEmail() throws Exception {
        List<Integer> rates = List.of(System.getProperty("benchmark.rates", "5,20,100").split(",")).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
        int seconds = Integer.getInteger("benchmark.seconds", 120);
        int burst = Integer.getInteger("benchmark.burst", 500);
        int peopleCount = Integer.getInteger("benchmark.people", 10);
        StringBuilder report = new StringBuilder();
        report.append("End-to-end notification latency through the gateway, ").append(Instant.now())
                .append(", commit ").append(System.getProperty("benchmark.label", "(unlabelled)"))
                .append(", load average at start ").append(load()).append("\n");
        Path data = Files.createTempDirectory("civic-benchmark");
        try (Devstack stack = new Devstack(DevstackConfig.builder()
                .repoRoot(Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize()).dataDir(data)
                .randomPorts().readyTimeout(Duration.ofSeconds(240))
                .env(DevstackService.GATEWAY, "GATEWAY_RATE_LIMIT_ENABLED", "false").build()).start()) {
            Identities identities = new Identities(stack);
            GatewayClient coordinator = new GatewayClient(stack.gatewayUrl(), identities);
            List<String> people = new ArrayList<>();
            Map<String, String> personOfAddress = new ConcurrentHashMap<>();
            for (int i = 0; i < peopleCount; i++) {
                String email = "bench" + i + "." + run + "@example.org";
                String id = Members.activeExpert(coordinator, "Bench expert " + i, email, "KG", "Asia/Bishkek");
                people.add(id);
                personOfAddress.put(email, id);
            }
            for (String person : people) {
                listen(coordinator.as(person, Role.EXPERT), person);
            }
            ScheduledExecutorService mailWatch = Executors.newSingleThreadScheduledExecutor();
            mailWatch.scheduleWithFixedDelay(() -> readNewMail(stack, personOfAddress), 0, 10, TimeUnit.MILLISECONDS);
            try {
                // warm-up: every path once, not measured
                phase(coordinator, people, "warm", people.size(), 10, 1, Duration.ofSeconds(60));
                for (int rate : rates) {
                    int duration = rate >= 100 ? Math.min(seconds, 30) : seconds;
                    report.append(steady(coordinator, people, rate, duration));
                }
                if (burst > 0) {
                    report.append(burst(coordinator, people, burst));
                }
            } finally {
                running = false;
                mailWatch.shutdownNow();
            }
        }
        report.append("\nfailed commands and ended streams: ").append(new java.util.TreeMap<>(failures))
                .append("\nlive streams reopened during the run: ").append(streamsReopened.get())
                .append("; load average at end ").append(load()).append('\n');
        System.out.println(report);
        Path out = Path.of("target/benchmarks/e2e-notifications.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private String steady(GatewayClient coordinator, List<String> people, int rate, int seconds) throws Exception {
        String phase = "r" + rate;
        Duration sending = phase(coordinator, people, phase, rate * seconds, rate, 1, Duration.ofMinutes(1));
        return String.format("%n**%d commands/s for %d s** (sent in %.1f s):%n%n", rate, seconds,
                sending.toMillis() / 1000.0) + table(phase);
    }

    private String burst(GatewayClient coordinator, List<String> people, int count) throws Exception {
        String phase = "burst";
        Instant start = Instant.now();
        Duration sending = phase(coordinator, people, phase, count / people.size(), 0, people.size(),
                Duration.ofMinutes(1));
        Instant lastMail = mail.entrySet().stream().filter(e -> e.getKey().startsWith(phase + " "))
                .map(e -> e.getValue().get(0)).max(Instant::compareTo).orElse(start);
        Instant firstAnswer = answered.entrySet().stream().filter(e -> e.getKey().startsWith(phase + " "))
                .map(Map.Entry::getValue).min(Instant::compareTo).orElse(start);
        long mails = mail.keySet().stream().filter(k -> k.startsWith(phase + " ")).count();
        double drained = mails / Math.max(0.001, Duration.between(start, lastMail).toMillis() / 1000.0);
        return String.format("%n**Burst of %d invitations** (32 senders; the commands took %.1f s, first answer after "
                + "%d ms): %d e-mails, the last %.1f s after the first command: **%.1f e-mails/s**%n%n", count,
                sending.toMillis() / 1000.0, Duration.between(start, firstAnswer).toMillis(), mails,
                Duration.between(start, lastMail).toMillis() / 1000.0, drained) + table(phase);
    }

    /**
     * Sends {@code commands} invitation commands ({@code rate} per second, or all at once when 0), each inviting
     * {@code perCommand} people, then waits until every effect arrived or {@code quiet} passed without a new one.
     * Consecutive commands go to different meetings (a meeting takes its invitations one at a time). Returns how long
     * the sending took.
     */
    private Duration phase(GatewayClient coordinator, List<String> people, String phase, int commands, int rate,
            int perCommand, Duration quiet) throws Exception {
        int meetings = perCommand == 1 ? (commands + people.size() - 1) / people.size() : commands;
        List<String> meetingIds = new ArrayList<>();
        for (int m = 0; m < meetings; m++) {
            meetingIds.add(meeting(coordinator, phase, m));
        }
        ExecutorService senders = Executors.newFixedThreadPool(32);
        CountDownLatch sent = new CountDownLatch(commands);
        Instant start = Instant.now();
        Runnable[] work = new Runnable[commands];
        for (int n = 0; n < commands; n++) {
            int m = n % meetings;
            List<String> invitees = perCommand == 1 ? List.of(people.get(n / meetings)) : people;
            work[n] = () -> {
                try {
                    invite(coordinator, meetingIds.get(m), phase, m, invitees);
                } finally {
                    sent.countDown();
                }
            };
        }
        if (rate == 0) {
            for (Runnable w : work) {
                senders.execute(w);
            }
        } else {
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger next = new AtomicInteger();
            pacer.scheduleAtFixedRate(() -> {
                int n = next.getAndIncrement();
                if (n < commands) {
                    senders.execute(work[n]);
                }
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            sent.await(seconds(commands, rate) + 120, TimeUnit.SECONDS);
            pacer.shutdownNow();
        }
        sent.await(5, TimeUnit.MINUTES);
        senders.shutdown();
        Duration sending = Duration.between(start, Instant.now());
        String prefix = phase + " ";
        Supplier<Integer> seen = () -> count(inbox, prefix) + count(mail, prefix);
        int expected = 2 * (int) answered.keySet().stream().filter(k -> k.startsWith(prefix)).count();
        int last = -1;
        long quietSince = System.nanoTime();
        while (seen.get() < expected && System.nanoTime() - quietSince < quiet.toNanos()) {
            if (seen.get() != last) {
                last = seen.get();
                quietSince = System.nanoTime();
            }
            Thread.sleep(100); // a benchmark's wait for effects, not a test's assertion
        }
        return sending;
    }

    private static long seconds(int commands, int rate) {
        return (commands + rate - 1) / rate;
    }

    private String table(String phase) {
        String prefix = phase + " ";
        List<String> keys = answered.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        long attempted = commandMillis.keySet().stream().filter(k -> k.startsWith(prefix)).count();
        List<Long> http = new ArrayList<>(commandMillis.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue).toList());
        Collections.sort(http);
        StringBuilder out = new StringBuilder();
        out.append("| from the command's answer to | p50 ms | p95 ms | p99 ms | max ms | seen | lost | duplicated |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        out.append(row("inbox item on the live stream", keys, inbox));
        out.append(row("e-mail accepted by the SMTP sink", keys, mail));
        out.append(String.format("| (the command itself, request → answer) | %d | %d | %d | %d | %d invitations answered 2xx | "
                + "%d failed | |%n", pct(http, 50), pct(http, 95), pct(http, 99), pct(http, 100), keys.size(),
                attempted - keys.size()));
        System.out.print(out);
        return out.toString();
    }

    private String row(String name, List<String> keys, Map<String, List<Instant>> seen) {
        List<Long> latencies = new ArrayList<>();
        int lost = 0;
        int duplicated = 0;
        for (String key : keys) {
            List<Instant> times = seen.get(key);
            if (times == null || times.isEmpty()) {
                lost++;
                continue;
            }
            if (times.size() > 1) {
                duplicated++;
            }
            latencies.add(Math.max(0, Duration.between(answered.get(key), times.get(0)).toMillis()));
        }
        Collections.sort(latencies);
        return String.format("| %s | %d | %d | %d | %d | %d | %d | %d |%n", name, pct(latencies, 50),
                pct(latencies, 95), pct(latencies, 99), pct(latencies, 100), latencies.size(), lost, duplicated);
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    private static int count(Map<String, List<Instant>> seen, String prefix) {
        return (int) seen.keySet().stream().filter(k -> k.startsWith(prefix)).count();
    }

    private String meeting(GatewayClient coordinator, String phase, int m) {
        Answer scheduled = coordinator.post("/api/membership/meetings", """
                {"title":"Bench %s %s m%d","kind":"EXPERT_MEETING","agenda":["Latency"],"startsAt":"%s",\
                "timeZone":"Asia/Bishkek","durationMinutes":60,"onlineLink":"https://meet.example.org/bench"}"""
                .formatted(run, phase, m, Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS)));
        if (scheduled.status() != 201) {
            throw new IllegalStateException("scheduling failed: " + scheduled.raw());
        }
        return scheduled.body().get("id").asString();
    }

    private void invite(GatewayClient coordinator, String meetingId, String phase, int m, List<String> invitees) {
        List<String> keys = invitees.stream().map(person -> phase + " m" + m + "|" + person).toList();
        long started = System.nanoTime();
        String outcome;
        try {
            Answer answer = coordinator.post("/api/membership/meetings/" + meetingId + "/invitations",
                    "{\"personIds\":[\"" + String.join("\",\"", invitees) + "\"]}");
            Instant at = Instant.now();
            outcome = String.valueOf(answer.status());
            if (answer.status() / 100 == 2) {
                keys.forEach(key -> answered.put(key, at));
            }
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        keys.forEach(key -> commandMillis.put(key, millis));
        if (!outcome.startsWith("2")) {
            failures.merge(phase + " " + outcome, keys.size(), Integer::sum);
        }
    }

    /** Opens the person's live inbox through the gateway, and again whenever it ends. */
    private void listen(GatewayClient person, String personId) {
        person.stream("/api/notifications/inbox/" + personId + "/stream", line -> {
            Matcher m = KEY.matcher(line);
            if (line.startsWith("data:") && m.find() && m.group(1).equals(run)) {
                inbox.computeIfAbsent(m.group(2) + " m" + m.group(3) + "|" + personId,
                        k -> Collections.synchronizedList(new ArrayList<>())).add(Instant.now());
            }
        }).whenComplete((response, failure) -> {
            if (!running) {
                return;
            }
            streamsReopened.incrementAndGet();
            failures.merge("live stream ended: " + (failure != null ? failure.getClass().getSimpleName()
                    : "HTTP " + response.statusCode()), 1, Integer::sum);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            listen(person, personId);
        });
    }

    /** Reads only the mails not read before: their recipient, subject and the time the sink stored them. */
    private void readNewMail(Devstack stack, Map<String, String> personOfAddress) {
        try {
            for (MimeMessage message : stack.mailSink().greenMail().getReceivedMessages()) {
                if (!mailsRead.add(message)) {
                    continue;
                }
                Matcher m = KEY.matcher(message.getSubject() == null ? "" : message.getSubject());
                if (!m.find() || !m.group(1).equals(run)) {
                    continue;
                }
                String address = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
                String person = personOfAddress.get(address);
                if (person != null) {
                    mail.computeIfAbsent(m.group(2) + " m" + m.group(3) + "|" + person,
                            k -> Collections.synchronizedList(new ArrayList<>())).add(message.getReceivedDate()
                                    .toInstant());
                }
            }
        } catch (MessagingException | RuntimeException e) {
            // read while the sink receives: the next tick reads it again
        }
    }

    private static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
