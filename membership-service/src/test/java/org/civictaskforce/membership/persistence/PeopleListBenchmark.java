package org.civictaskforce.membership.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.civictaskforce.membership.domain.GroupRole;
import org.civictaskforce.membership.domain.MembershipStatus;
import org.civictaskforce.membership.domain.NewPerson;
import org.civictaskforce.membership.domain.Person;
import org.civictaskforce.membership.domain.PersonFilter;
import org.civictaskforce.membership.domain.Profile;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Not a test: loads 10 000 people and measures the list's filter + page queries (the same
 * {@link PersonQueriesImpl} the API uses: one find for the page, one count), median and p95 over
 * repeats. Against the wire-compatible in-memory store by default; set {@code MONGODB_URI} to measure
 * a real MongoDB (it then also prints the winning plan of each query).
 *
 * <pre>
 * ./mvnw -o -pl membership-service -am verify -Dtest=PeopleListBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Excluded from the normal build (the class name matches no test pattern, and it is tagged).
 * Results go to target/benchmarks/people-list.txt and are recorded in docs/benchmarks.md.
 */
@Tag("benchmark")
class PeopleListBenchmark {
    private static final int PEOPLE = 10_000;
    /** Rounds over every filter before any is measured, so the first row does not pay for the JIT. */
    private static final int WARM_UP_ROUNDS = 30;
    private static final int WARM_UP = 20;
    private static final int REPEATS = 200;
    private static final List<String> COUNTRIES = List.of("KZ", "KG", "TJ", "TM", "UZ", "MN", "AF", "RU", "DE", "AM");
    private static final List<String> TAGS = List.of("fatf", "eiti", "ifi-safeguards", "civic-space", "labour",
            "environment", "media-freedom", "anti-corruption", "legal-aid", "gender");
    private static final List<String> NAMES = List.of("Aigerim", "Bakyt", "Dilnoza", "Farrukh", "Gulnara", "Nurlan",
            "Zarina", "Timur", "Aziza", "Ruslan", "Saule", "Jamshid", "Madina", "Erlan", "Shahlo");

    @Test
    void measure() throws Exception {
        String uri = System.getenv("MONGODB_URI");
        String store = uri == null ? "wire-compatible in-memory store (mongo-java-server)" : "MongoDB at MONGODB_URI";
        if (uri == null) {
            uri = MongoTestServer.uri("membership-benchmark");
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, "membership-benchmark");
            mongo.dropCollection(PersonDocument.class);
            MongoMappingContext context = (MongoMappingContext) ((MappingMongoConverter) mongo.getConverter())
                    .getMappingContext();
            new MongoPersistentEntityIndexResolver(context).resolveIndexFor(PersonDocument.class)
                    .forEach(mongo.indexOps(PersonDocument.class)::createIndex);

            long loadStart = System.nanoTime();
            load(mongo);
            long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;

            PersonQueriesImpl queries = new PersonQueriesImpl(mongo);
            Map<String, PersonFilter> filters = new LinkedHashMap<>();
            filters.put("no filter", PersonFilter.ANY);
            filters.put("country=KZ", new PersonFilter("KZ", null, null, null, null, null));
            filters.put("country=KG&status=ACTIVE", new PersonFilter("KG", MembershipStatus.ACTIVE, null, null, null, null));
            filters.put("role=EXPERT&status=ACTIVE", new PersonFilter(null, MembershipStatus.ACTIVE, GroupRole.EXPERT, null, null, null));
            filters.put("country=UZ&role=EXPERT&status=ACTIVE", new PersonFilter("UZ", MembershipStatus.ACTIVE, GroupRole.EXPERT, null, null, null));
            filters.put("expertise=fatf", new PersonFilter(null, null, null, "fatf", null, null));
            filters.put("status=INVITED", new PersonFilter(null, MembershipStatus.INVITED, null, null, null, null));
            filters.put("q=gul", new PersonFilter(null, null, null, null, null, "gul"));
            filters.put("q=gul&country=TJ", new PersonFilter("TJ", null, null, null, null, "gul"));

            StringBuilder report = new StringBuilder();
            report.append("store: ").append(store).append('\n');
            report.append("people: ").append(PEOPLE).append(", loaded in ").append(loadMillis).append(" ms\n");
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                for (PersonFilter filter : filters.values()) {
                    queries.search(filter, PageRequest.of(round % 11, 20)).getContent();
                }
            }
            report.append("repeats: ").append(REPEATS).append(" after ").append(WARM_UP_ROUNDS)
                    .append(" warm-up rounds over all filters and ").append(WARM_UP)
                    .append(" warm-up runs of each; page size 20; a list request is the page query and the count\n\n");
            report.append(String.format(Locale.ROOT, "| %-40s | %8s | %8s | %8s | %8s | %8s | %8s |%n", "filter", "matches",
                    "median ms", "p95 ms", "page 10 median ms", "page query median ms", "count median ms"));
            report.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (Map.Entry<String, PersonFilter> entry : filters.entrySet()) {
                PersonFilter filter = entry.getValue();
                long matches = queries.search(filter, PageRequest.of(0, 20)).getTotalElements();
                double[] first = time(() -> queries.search(filter, PageRequest.of(0, 20)).getContent());
                double[] deep = time(() -> queries.search(filter, PageRequest.of(10, 20)).getContent());
                Query page = Query.of(PersonQueriesImpl.criteria(filter)).with(PageRequest.of(0, 20))
                        .with(Sort.by("registeredAt", "_id"));
                double[] pageOnly = time(() -> mongo.find(page, PersonDocument.class));
                double[] countOnly = time(() -> queries.total(PersonQueriesImpl.criteria(filter)));
                report.append(String.format(Locale.ROOT, "| %-40s | %8d | %8.2f | %8.2f | %8.2f | %8.2f | %8.2f |%n",
                        entry.getKey(), matches, first[0], first[1], deep[0], pageOnly[0], countOnly[0]));
                if (System.getenv("MONGODB_URI") != null) {
                    var explain = mongo.getCollection(PersonDocument.COLLECTION)
                            .find(PersonQueriesImpl.criteria(entry.getValue()).getQueryObject())
                            .sort(new org.bson.Document("registeredAt", 1).append("_id", 1)).limit(20)
                            .explain();
                    Object plan = ((org.bson.Document) explain.get("queryPlanner")).get("winningPlan");
                    report.append("    plan: ").append(plan).append('\n');
                }
            }
            System.out.println(report);
            java.nio.file.Path out = java.nio.file.Path.of("target", "benchmarks", "people-list.txt");
            java.nio.file.Files.createDirectories(out.getParent());
            java.nio.file.Files.writeString(out, report);
        }
    }

    /** [median, p95] in milliseconds of one run of the request. */
    private static double[] time(Runnable request) {
        for (int i = 0; i < WARM_UP; i++) {
            request.run();
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            request.run();
            nanos.add(System.nanoTime() - start);
        }
        nanos.sort(null);
        return new double[] { nanos.get(nanos.size() / 2) / 1e6, nanos.get((int) Math.ceil(nanos.size() * 0.95) - 1) / 1e6 };
    }

    private static void load(MongoTemplate mongo) {
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        MembershipStatus[] statuses = MembershipStatus.values();
        List<PersonDocument> batch = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String name = NAMES.get(random.nextInt(NAMES.size())) + " " + (char) ('A' + random.nextInt(26)) + ".";
            String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            EnumSet<GroupRole> roles = EnumSet.of(GroupRole.values()[random.nextInt(GroupRole.values().length)]);
            if (random.nextInt(4) == 0) {
                roles.add(GroupRole.EXPERT);
            }
            Profile profile = Profile.of(roles, List.of("ru"), List.of(TAGS.get(random.nextInt(TAGS.size())),
                    TAGS.get(random.nextInt(TAGS.size()))), random.nextInt(50) == 0);
            Person person = Person.register("bench-" + i,
                    new NewPerson(name, null, "bench-" + i + "@example.org", country, "ru", "Asia/Almaty"),
                    profile, start.plusSeconds(i * 60L)).person();
            PersonDocument document = PersonDocument.newFor(person);
            // spread the statuses as a real roster would be (the status is set directly: no events needed here)
            document.setStatus(statuses[random.nextInt(statuses.length)]);
            batch.add(document);
            if (batch.size() == 1000) {
                mongo.insertAll(batch);
                batch.clear();
            }
        }
        mongo.insertAll(batch);
    }
}
