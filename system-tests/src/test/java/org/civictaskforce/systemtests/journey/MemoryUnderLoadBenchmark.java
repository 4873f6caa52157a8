package org.civictaskforce.systemtests.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackConfig;
import org.civictaskforce.devstack.DevstackService;
import org.civictaskforce.devstack.ProcessMemory;
import org.civictaskforce.devstack.ServiceProcess;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The local system's memory after a long mixed load (issue 17): the devstack as {@code ./run-local.sh} starts it (its
 * JVM options, start-up archives), then for {@code benchmark.minutes} (default 30) an open loop of
 * {@code benchmark.rate} operations per second (default 20) through the gateway, rate limits off:
 * <ul>
 * <li>55 % members reading: the people list with a random filter, an institution, the coverage matrix, a search,
 * the strategy's versions, their inbox;</li>
 * <li>15 % experts submitting a finding with a citation on their assignment;</li>
 * <li>15 % members commenting in an open consultation;</li>
 * <li>10 % the coordinator registering and inviting a person (an e-mail each, through notification);</li>
 * <li>5 % the coordinator reading the delivery log.</li>
 * </ul>
 * Every minute it records each service's resident memory (RSS and PSS, which shares the start-up archive's pages
 * fairly) and, from its {@code /actuator/prometheus}, heap, non-heap (metaspace, code cache, compressed class
 * space), live threads and direct buffers. Asserts nothing: it prints the table and writes
 * {@code target/benchmarks/memory-under-load.md}. With {@code -Dbenchmark.attach=true} it loads the system
 * {@code ./run-local.sh} started (default ports, {@code .devstack-data}) and measures its processes, the devstack JVM
 * included; else it starts its own devstack, whose Kafka broker, store and mail sink run in this JVM with the load
 * generator (the line "devstack JVM" is then an upper bound of theirs). Loopback only, bounded in time. Command in
 * docs/benchmarks.md.
 */
@Tag("benchmark")
class MemoryUnderLoadBenchmark {

    @Test
    void mixedLoad() throws Exception {
        int minutes = Integer.getInteger("benchmark.minutes", 30);
        int rate = Integer.getInteger("benchmark.rate", 20);
        Path repo = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
        // attached: the system ./run-local.sh started (its ports and data folder), measured as a person runs it
        boolean attach = Boolean.getBoolean("benchmark.attach");
        DevstackConfig config = attach
                ? DevstackConfig.builder().repoRoot(repo).dataDir(repo.resolve(".devstack-data")).build()
                : DevstackConfig.builder().repoRoot(repo).dataDir(Files.createTempDirectory("civic-memory-benchmark"))
                        .randomPorts().readyTimeout(Duration.ofSeconds(240))
                        .env(DevstackService.GATEWAY, "GATEWAY_RATE_LIMIT_ENABLED", "false").build();
        StringBuilder report = new StringBuilder("Memory under a mixed load, ").append(Instant.now()).append(", ")
                .append(rate).append(" operations/s for ").append(minutes).append(" min, JVM options of every service `")
                .append(attach ? runningJvmOptions() : String.join(" ", config.jvmOptions())).append("`, start-up archives ")
                .append(config.classDataSharing() ? "on" : "off").append("\n\n");
        Devstack stack = new Devstack(config);
        if (!attach) {
            stack.start();
        }
        report.append(attach ? "Attached to the system ./run-local.sh started (its own devstack JVM; rate limits on)"
                : "On a devstack this test started (Kafka, the store and the mail sink run in the test's JVM)")
                .append("\n\n");
        try (stack) {
            Identities identities = new Identities(stack);
            GatewayClient coordinator = new GatewayClient(stack.gatewayUrl(), identities);
            LoadPopulation people = LoadPopulation.build(coordinator);
            List<Map<String, Sample>> samples = new ArrayList<>();
            samples.add(sample(stack, attach));
            Counts counts = new Counts();
            ExecutorService workers = Executors.newFixedThreadPool(32);
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
            pacer.scheduleAtFixedRate(() -> {
                if (System.nanoTime() < end) {
                    workers.execute(() -> operate(coordinator, people, counts));
                }
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            for (int minute = 1; minute <= minutes; minute++) {
                Thread.sleep(60_000);
                samples.add(sample(stack, attach));
                System.out.printf(Locale.ROOT, "minute %d: %s; total PSS %d MiB%n", minute, counts,
                        samples.get(samples.size() - 1).values().stream().mapToLong(Sample::pssMib).sum());
            }
            pacer.shutdownNow();
            workers.shutdown();
            workers.awaitTermination(60, TimeUnit.SECONDS);
            report.append("Operations: ").append(counts).append("\n\n");
            table(report, samples);
        }
        System.out.println(report);
        Path out = Path.of("target/benchmarks/memory-under-load.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void operate(GatewayClient coordinator, LoadPopulation people, Counts counts) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int dice = random.nextInt(100);
        int member = random.nextInt(people.members().size());
        Answer answer;
        String kind;
        try {
            if (dice < 55) {
                kind = "read";
                int pick = random.nextInt(LoadPopulation.READS.size() + 1);
                answer = pick == LoadPopulation.READS.size()
                        ? people.members().get(member).get("/api/notifications/inbox/" + people.memberIds().get(member))
                        : people.members().get(member).get(LoadPopulation.READS.get(pick));
            } else if (dice < 70) {
                kind = "finding";
                int expert = random.nextInt(people.experts().size());
                answer = people.experts().get(expert)
                        .post("/api/research/assignments/" + people.assignments().get(expert) + "/findings", LoadPopulation.FINDING);
            } else if (dice < 85) {
                kind = "comment";
                answer = people.members().get(member).post(people.comments(),
                        "{\"sectionKey\":\"goals\",\"quote\":\"Open budgets\",\"text\":\"Comment " + random.nextInt()
                                + "\"}");
            } else if (dice < 95) {
                kind = "invitation";
                String[] c = LoadPopulation.COUNTRIES[random.nextInt(LoadPopulation.COUNTRIES.length)];
                answer = coordinator.post("/api/membership/people", """
                        {"displayName":"Invitee","email":"invitee.%s@example.org","country":"%s","preferredLanguage":"%s",
                         "timeZone":"%s","roles":["MEMBER"]}""".formatted(UUID.randomUUID(), c[0], c[1], c[2]));
                if (answer.status() == 201) {
                    answer = coordinator.post("/api/membership/people/" + answer.body().get("id").asString()
                            + "/invitations", null);
                }
            } else {
                kind = "delivery log";
                answer = coordinator.get("/api/notifications/deliveries?size=20");
            }
            counts.record(kind, answer.status() >= 200 && answer.status() < 300);
        } catch (RuntimeException e) {
            counts.record("error", false);
        }
    }

    /** Resident memory of one process and, for a service, what its JVM reports. */
    private record Sample(long rssMib, long pssMib, long heapMib, long nonHeapMib, long metaspaceMib, long codeMib,
            long threads, long directMib) {
    }

    private Map<String, Sample> sample(Devstack stack, boolean attach) {
        Map<String, Sample> sample = new LinkedHashMap<>();
        for (DevstackService service : DevstackService.values()) {
            ServiceProcess own = stack.processes().get(service);
            long pid = own != null ? own.pid() : attach ? pidOf("/" + service.module() + ".jar") : -1;
            if (pid < 0) {
                continue;
            }
            PrometheusMetrics metrics = PrometheusMetrics.of(stack.serviceUrl(service) + "/actuator/prometheus");
            sample.put(service.module(), new Sample(mib(ProcessMemory.residentKib(pid)),
                    mib(proportionalKib(pid)), bytesMib(metrics, "jvm_memory_used_bytes", "area=\"heap\""),
                    bytesMib(metrics, "jvm_memory_used_bytes", "area=\"nonheap\""),
                    bytesMib(metrics, "jvm_memory_used_bytes", "id=\"Metaspace\""),
                    bytesMib(metrics, "jvm_memory_used_bytes", "id=\"CodeHeap") + bytesMib(metrics,
                            "jvm_memory_used_bytes", "id=\"CodeCache\""),
                    Math.round(metrics.sum("jvm_threads_live_threads", "")),
                    bytesMib(metrics, "jvm_buffer_memory_used_bytes", "id=\"direct\"")));
        }
        long devstack = attach ? pidOf("DevstackMain") : ProcessHandle.current().pid();
        sample.put(attach ? "devstack JVM (Kafka, store, mail sink)" : "devstack JVM (+ load generator)",
                new Sample(mib(ProcessMemory.residentKib(devstack)), mib(proportionalKib(devstack)), -1, -1, -1, -1,
                        -1, -1));
        return sample;
    }

    /** The process whose command line contains {@code part}, or -1. */
    /** The JVM options the running gateway was started with (attached: run-local.sh's, DEVSTACK_SERVICE_JVM_OPTS). */
    private static String runningJvmOptions() {
        long pid = pidOf("/gateway.jar");
        return ProcessHandle.of(pid).flatMap(p -> p.info().arguments()).map(args -> {
            List<String> options = new ArrayList<>();
            for (String arg : args) {
                if (arg.equals("-jar") || arg.equals("-cp")) {
                    break;
                }
                if (!arg.startsWith("-XX:SharedArchiveFile") && !arg.startsWith("-XX:ArchiveClassesAtExit")) {
                    options.add(arg);
                }
            }
            return String.join(" ", options);
        }).orElse("(unknown)");
    }

    private static long pidOf(String part) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(part) && c.contains("java")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    private static long bytesMib(PrometheusMetrics metrics, String name, String label) {
        return Math.round(metrics.sum(name, label) / (1024 * 1024));
    }

    private static long mib(OptionalLong kib) {
        return kib.isPresent() ? (kib.getAsLong() + 512) / 1024 : -1;
    }

    /** Pss of a process (its private pages plus its share of pages mapped by several), from smaps_rollup. */
    private static OptionalLong proportionalKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(4).trim().split("\\s+")[0]));
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return OptionalLong.empty();
    }

    private static void table(StringBuilder report, List<Map<String, Sample>> samples) {
        Map<String, Sample> first = samples.get(0);
        Map<String, Sample> last = samples.get(samples.size() - 1);
        report.append("| process | RSS start → end MiB | PSS start → end MiB | heap used | non-heap used (metaspace, code) "
                + "| threads | direct buffers MiB |\n|---|---:|---:|---:|---:|---:|---:|\n");
        long rssStart = 0;
        long rssEnd = 0;
        long pssStart = 0;
        long pssEnd = 0;
        for (String name : last.keySet()) {
            Sample a = first.get(name);
            Sample b = last.get(name);
            rssStart += a.rssMib();
            rssEnd += b.rssMib();
            pssStart += a.pssMib();
            pssEnd += b.pssMib();
            report.append(String.format(Locale.ROOT, "| %s | %d → %d | %d → %d | %d → %d | %d (%d, %d) → %d (%d, %d) | %d → %d | %d → %d |%n",
                    name, a.rssMib(), b.rssMib(), a.pssMib(), b.pssMib(), a.heapMib(), b.heapMib(), a.nonHeapMib(),
                    a.metaspaceMib(), a.codeMib(), b.nonHeapMib(), b.metaspaceMib(), b.codeMib(), a.threads(),
                    b.threads(), a.directMib(), b.directMib()));
        }
        report.append(String.format(Locale.ROOT, "| **total** | **%d → %d** | **%d → %d** | | | | |%n%n", rssStart,
                rssEnd, pssStart, pssEnd));
        report.append("Total PSS by minute: ");
        for (Map<String, Sample> s : samples) {
            report.append(s.values().stream().mapToLong(Sample::pssMib).sum()).append(' ');
        }
        report.append("MiB\n");
    }

    /** Operations by kind: succeeded / failed. */
    private static final class Counts {
        private final Map<String, AtomicLong[]> byKind = new ConcurrentHashMap<>();

        void record(String kind, boolean ok) {
            byKind.computeIfAbsent(kind, k -> new AtomicLong[] { new AtomicLong(), new AtomicLong() })[ok ? 0 : 1]
                    .incrementAndGet();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            new java.util.TreeMap<>(byKind).forEach((kind, n) -> b.append(kind).append(' ').append(n[0].get())
                    .append(" ok / ").append(n[1].get()).append(" failed; "));
            return b.toString();
        }
    }
}
