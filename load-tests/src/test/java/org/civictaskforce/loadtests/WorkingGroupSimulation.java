package org.civictaskforce.loadtests;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackConfig;
import org.civictaskforce.systemtests.journey.GatewayClient;
import org.civictaskforce.systemtests.journey.Identities;
import org.civictaskforce.systemtests.journey.LoadPopulation;

/**
 * The working group's day at a steady rate, against the system {@code ./run-local.sh} started (its ports and data
 * folder; loopback only): members reading (60 %), experts submitting findings (15 %), members commenting on the
 * open consultation (15 %, with a burst of five times that rate for 20 s half-way, as at a deadline) and the
 * coordinator inviting people (10 %: a registration and an invitation). Every actor signs in for real at the
 * identity service; the population is set up through the gateway first ({@link LoadPopulation}, about a minute).
 * <p>
 * {@code -Dload.rate} operations per second (20) for {@code -Dload.seconds} (120). The run fails unless p99 ≤ 200 ms
 * and no request failed: raise the rate until it does to find the highest steady rate. Gatling writes its HTML
 * report under {@code load-tests/target/gatling/}. Command and results: docs/benchmarks.md ("Load").
 */
public class WorkingGroupSimulation extends Simulation {

    static final double RATE = Double.parseDouble(System.getProperty("load.rate", "20"));
    static final int SECONDS = Integer.getInteger("load.seconds", 120);
    static final Path REPO = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    private final Devstack stack = new Devstack(DevstackConfig.builder().repoRoot(REPO)
            .dataDir(REPO.resolve(".devstack-data")).build());
    private final GatewayClient coordinator = new GatewayClient(stack.gatewayUrl(), new Identities(stack));
    private final LoadPopulation people = LoadPopulation.build(coordinator);

    private final HttpProtocolBuilder gateway = http.baseUrl(stack.gatewayUrl())
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .shareConnections();

    /** A member (index {@code m}) and an expert (index {@code e}) for each virtual user. */
    private final Iterator<Map<String, Object>> actors = Stream.generate(() -> Map.<String, Object>of(
            "m", ThreadLocalRandom.current().nextInt(people.members().size()),
            "e", ThreadLocalRandom.current().nextInt(people.experts().size()))).iterator();

    private Function<Session, String> member() {
        return session -> people.members().get(session.getInt("m")).authorization();
    }

    private ChainBuilder read(String name, String path) {
        return exec(http(name).get(path).header("Authorization", member())
                .check(status().is(200)));
    }

    private final ScenarioBuilder reading = scenario("members read").feed(actors).exec(randomSwitch().on(
            percent(25.0).then(read("people list", "/api/membership/people?size=20")),
            percent(15.0).then(read("people list, filtered", "/api/membership/people?size=20&role=EXPERT&status=ACTIVE")),
            percent(15.0).then(read("institution", "/api/research/institutions/wb")),
            percent(10.0).then(read("coverage", "/api/research/coverage")),
            percent(10.0).then(read("search", "/api/research/search?q=stakeholder+engagement")),
            percent(10.0).then(read("strategy versions", "/api/strategy/versions")),
            percent(15.0).then(exec(http("inbox")
                    .get(session -> "/api/notifications/inbox/" + people.memberIds().get(session.getInt("m")))
                    .header("Authorization", member()).check(status().is(200))))));

    private final ScenarioBuilder findings = scenario("experts submit findings").feed(actors)
            .exec(http("finding")
                    .post(session -> "/api/research/assignments/" + people.assignments().get(session.getInt("e"))
                            + "/findings")
                    .header("Authorization", session -> people.experts().get(session.getInt("e")).authorization())
                    .body(StringBody(LoadPopulation.FINDING)).check(status().is(201)));

    private final ScenarioBuilder comments = scenario("members comment").feed(actors)
            .exec(http("comment").post(people.comments()).header("Authorization", member())
                    .body(StringBody(session -> "{\"sectionKey\":\"goals\",\"quote\":\"Open budgets\",\"text\":\"Comment "
                            + UUID.randomUUID() + "\"}"))
                    .check(status().is(201)));

    private final ScenarioBuilder invitations = scenario("coordinator invites")
            .exec(session -> session.set("country", LoadPopulation.COUNTRIES[ThreadLocalRandom.current()
                    .nextInt(LoadPopulation.COUNTRIES.length)]))
            .exec(http("registration").post("/api/membership/people")
                    .header("Authorization", session -> coordinator.authorization())
                    .body(StringBody(session -> {
                        String[] c = session.get("country");
                        return """
                                {"displayName":"Invitee","email":"invitee.%s@example.org","country":"%s",
                                 "preferredLanguage":"%s","timeZone":"%s","roles":["MEMBER"]}"""
                                .formatted(UUID.randomUUID(), c[0], c[1], c[2]);
                    }))
                    .check(status().is(201), jsonPath("$.id").saveAs("person")))
            .exec(http("invitation").post("/api/membership/people/#{person}/invitations")
                    .header("Authorization", session -> coordinator.authorization())
                    .check(status().in(200, 201, 202)));

    {
        double burst = 5 * RATE * 0.15;
        int half = SECONDS / 2;
        setUp(
                reading.injectOpen(constantUsersPerSec(RATE * 0.60).during(SECONDS)),
                findings.injectOpen(constantUsersPerSec(RATE * 0.15).during(SECONDS)),
                comments.injectOpen(constantUsersPerSec(RATE * 0.15).during(half),
                        constantUsersPerSec(burst).during(20),
                        constantUsersPerSec(RATE * 0.15).during(Math.max(1, SECONDS - half - 20))),
                invitations.injectOpen(constantUsersPerSec(RATE * 0.10).during(SECONDS)))
                .protocols(gateway)
                .assertions(global().responseTime().percentile(99.0).lte(200),
                        global().failedRequests().count().is(0L));
    }
}
