package org.civictaskforce.research.persistence;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.civictaskforce.contracts.Topics;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.research.application.CatalogueService;
import org.civictaskforce.research.application.CoverageService;
import org.civictaskforce.research.application.SearchIndex;
import org.civictaskforce.research.application.SearchService;
import org.civictaskforce.research.domain.Finding;
import org.civictaskforce.research.domain.Strand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Search and coverage at {@code benchmark.findings} (100 000) findings: the findings (80 % accepted,
 * statements of 12–25 words drawn from a Russian, English and Kazakh vocabulary) and their search entries
 * are bulk-loaded into the running service's database, then each query runs {@code benchmark.warmup}
 * (3) times unmeasured and {@code benchmark.runs} (20) times measured through {@link SearchService}
 * (page 0 of 20 plus the total count, as {@code GET /api/research/search} does minus HTTP), and the
 * coverage matrix ({@link CoverageService}) is computed 10 times. Prints a table and writes it to
 * {@code target/benchmarks/search-coverage.txt}. Asserts nothing.
 *
 * <p>Against the wire-compatible in-memory store by default; with {@code MONGODB_URI} (e.g.
 * {@code mongodb://localhost:27017}) it measures that MongoDB instead (database {@code research-benchmark},
 * dropped first). Excluded from the normal build (tagged {@code benchmark}); see docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest
@EmbeddedKafka(partitions = 1, topics = Topics.MEMBERSHIP_EVENTS,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class SearchAndCoverageBenchmark {
    private static final String URI = System.getenv("MONGODB_URI");
    private static final int FINDINGS = Integer.getInteger("benchmark.findings", 100_000);
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 3);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 20);

    private static final String[] WORDS = ("стандарт стандарты стандартов гражданское гражданского общество общества "
            + "раскрытие информации проект проекта жалоба жалобы механизм механизма репрессии защитники закон "
            + "законодательство регистрация некоммерческих организаций консультации участие банк банка "
            + "stakeholder engagement disclosure grievance reprisals civic space policy policies safeguard "
            + "consultation accountability mechanism complaint defenders retaliation project information "
            + "азаматтық қоғам ұйымдары заң өзгерді жоба ақпарат шағым тетігі банк мемлекет").split(" ");
    private static final List<String> QUERIES = List.of("стандартов", "гражданское общество", "reprisals",
            "stakeholder engagement", "grievance mechanism", "қоғам", "policy", "жалоба банка", "complaint defenders",
            "zzznothing");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> URI == null ? MongoTestServer.uri("research-benchmark")
                : URI.replaceAll("/+$", "") + "/research-benchmark");
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    SearchService search;
    @Autowired
    SearchIndex index;
    @Autowired
    CoverageService coverage;
    @Autowired
    CatalogueService catalogue;
    @Autowired
    org.civictaskforce.research.application.FindingStore findingStore;

    private final List<Finding> sample = new ArrayList<>();

    @Test
    void searchAndCoverageAtScale() throws Exception {
        String store = URI == null ? "wire-compatible in-memory store (mongo-java-server)" : "MongoDB at MONGODB_URI";
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), FindingDocument.COLLECTION);
        index.clear();
        search.startUp(catalogue.institutions(null, PageRequest.of(0, 1_000)).getContent());
        long loadStart = System.nanoTime();
        load();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        System.out.println("benchmark progress: loaded in " + loadSeconds + " s");

        StringBuilder out = new StringBuilder();
        out.append("research search and coverage, ").append(FINDINGS).append(" findings, ").append(store)
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append('\n');
        out.append(String.format(Locale.ROOT, "loading findings and search entries: %.1f s%n%n", loadSeconds));
        out.append("| query | hits (coordinator) | median ms | p95 ms | hits (member) | member median ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        List<Double> all = new ArrayList<>();
        for (String q : QUERIES) {
            long hits = search.search(q, null, true, PageRequest.of(0, 20)).getTotalElements();
            long memberHits = search.search(q, null, false, PageRequest.of(0, 20)).getTotalElements();
            double[] coordinator = time(() -> search.search(q, null, true, PageRequest.of(0, 20)));
            double[] member = time(() -> search.search(q, SearchIndex.Kind.FINDING, false, PageRequest.of(0, 20)));
            Arrays.stream(coordinator).forEach(all::add);
            String row = String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %d | %.1f |%n", q, hits,
                    percentile(coordinator, 50), percentile(coordinator, 95), memberHits, percentile(member, 50));
            out.append(row);
            System.out.print("benchmark progress: " + row);
            System.out.flush();
        }
        // what a submit or resubmit adds to the request: the finding's entry and postings brought up to date
        double[] indexing = new double[sample.size()];
        double[] marking = new double[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            Finding f = sample.get(i);
            Finding.Content changed = new Finding.Content(f.versions().get(0).content().statement()
                    .replace('.', ' ') + WORDS[i % WORDS.length] + " revised" + i + ".",
                    f.versions().get(0).content().evidence(), List.of(), "high");
            Finding next = new Finding(f.id(), f.assignmentId(), f.country(), f.institutionId(), f.strand(),
                    f.status(), List.of(f.versions().get(0), new Finding.Version(2, changed, Instant.now())), List.of());
            long t = System.nanoTime();
            index.put(List.of(SearchService.entryOf(next)));
            indexing[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            findingStore.searchIndexed(next);
            marking[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] overall = all.stream().mapToDouble(Double::doubleValue).toArray();
        out.append(String.format(Locale.ROOT, "%nall %d coordinator searches: p50 %.1f ms, p95 %.1f ms%n",
                overall.length, percentile(overall, 50), percentile(overall, 95)));
        out.append(String.format(Locale.ROOT, "indexing one changed finding (%d): entry and postings p50 %.1f ms, "
                + "p95 %.1f ms; marking the finding indexed p50 %.1f ms, p95 %.1f ms%n", indexing.length,
                percentile(indexing, 50), percentile(indexing, 95), percentile(marking, 50), percentile(marking, 95)));
        double[] matrix = new double[10];
        for (int i = 0; i < 2; i++) {
            coverage.coverage();
        }
        for (int i = 0; i < matrix.length; i++) {
            long t = System.nanoTime();
            coverage.coverage();
            matrix[i] = (System.nanoTime() - t) / 1e6;
        }
        out.append(String.format(Locale.ROOT, "coverage matrix (%d cells): p50 %.1f ms, p95 %.1f ms%n",
                coverage.coverage().cells().size(), percentile(matrix, 50), percentile(matrix, 95)));
        System.out.println(out);
        Path file = Path.of("target", "benchmarks", "search-coverage.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    private void load() {
        Random random = new Random(42);
        List<String> institutions = List.of("wb", "ifc-miga", "ebrd", "adb", "aiib", "eib", "imf");
        List<String> countries = List.of("KZ", "KG", "TJ", "TM", "UZ");
        Instant now = Instant.now();
        List<FindingDocument> batch = new ArrayList<>();
        List<SearchIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < FINDINGS; i++) {
            int n = 12 + random.nextInt(14);
            StringBuilder statement = new StringBuilder();
            for (int w = 0; w < n; w++) {
                statement.append(WORDS[random.nextInt(WORDS.length)]).append(w == n - 1 ? "." : " ");
            }
            Finding.Content content = new Finding.Content(statement.toString(),
                    List.of(new Finding.Citation("https://example.org/" + i, null, "p. " + (i % 300), null,
                            LocalDate.of(2026, 11, 1))),
                    List.of(), "medium");
            Finding f = new Finding(UUID.randomUUID().toString(), "assignment-" + (i / 10),
                    countries.get(random.nextInt(countries.size())), institutions.get(random.nextInt(institutions.size())),
                    Strand.values()[random.nextInt(3)],
                    random.nextInt(10) < 8 ? Finding.FindingStatus.ACCEPTED : Finding.FindingStatus.SUBMITTED,
                    List.of(new Finding.Version(1, content, now)), List.of());
            FindingDocument document = FindingDocument.newFor(f);
            document.markSearchIndexed();
            batch.add(document);
            if (i % (FINDINGS / 20) == 7) {
                sample.add(f);
            }
            entries.add(SearchService.entryOf(f));
            if (batch.size() == 1000) {
                mongo.insert(batch, FindingDocument.class);
                index.put(entries);
                batch.clear();
                entries.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, FindingDocument.class);
            index.put(entries);
        }
    }

    private static double[] time(Runnable query) {
        for (int i = 0; i < WARMUP; i++) {
            query.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            query.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
