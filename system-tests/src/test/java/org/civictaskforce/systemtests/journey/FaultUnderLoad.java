package org.civictaskforce.systemtests.journey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.MailMessage;
import org.civictaskforce.devstack.ServiceProcess;

/**
 * One fault under a steady load, counted. A coordinator registers and invites a new person through the gateway at
 * a fixed rate; each invitation goes membership-service → its outbox → Kafka → notification-service → SMTP, so its
 * e-mail is the end-to-end effect. While the load runs, the fault starts after {@code faultAfter} and is undone
 * after {@code faultFor}. Then it waits for the e-mails and counts:
 * <ul>
 *   <li>commands accepted (the invitation answered 2xx), refused (any other answer, by status) and unanswered (no
 *       answer within the client's 30 s);</li>
 *   <li>effects: the e-mails of accepted invitations, and what the load added to the two other consumers' read
 *       models of membership's events: the people invited in research-service's working-group pipeline and the
 *       people taking part in strategy-service's participation ({@link ReadModels});</li>
 *   <li>lost: an accepted invitation without an e-mail, plus whatever a read model counts fewer than the invitations
 *       accepted (research) or the people registered (strategy);</li>
 *   <li>duplicated: a mail (address and subject) that arrived more than once, whichever command it came from, plus
 *       whatever a read model counts more than the commands sent (its documents are keyed by person, so only a
 *       consumer that counts twice could get there);</li>
 *   <li>recovery: from the fault's end (or the load's, when that is later) to the last of those effects.</li>
 * </ul>
 * The table row goes to the test's output and to {@code target/benchmarks/faults.md}.
 */
final class FaultUnderLoad {

    /** Something that fails and is put right: {@code begin} at the fault's start, {@code end} after its length. */
    interface Fault {
        void begin() throws Exception;

        void end() throws Exception;

        /** The process killed with SIGKILL at the fault's start and started again (and awaited) at its end. */
        static Fault killed(ServiceProcess process) {
            return new Fault() {
                public void begin() throws Exception {
                    ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
                    handle.destroyForcibly();
                    handle.onExit().get(30, TimeUnit.SECONDS);
                }

                public void end() {
                    process.startAndAwaitReady(ServiceProcess.DEFAULT_READY_TIMEOUT);
                }
            };
        }
    }

    record Result(String fault, int commands, int accepted, Map<String, Integer> refused, int unanswered,
            int effects, ReadModels readModels, long lost, long duplicated, int effectsOfRefused,
            int effectsOfUnanswered, Duration recovery, Duration faultFor) {

        String row() {
            return ("| %s | %d of %d invitations%s | %d e-mails; read models: research +%d invited, strategy +%d people"
                    + " | %d | %d | %s |").formatted(fault, accepted, commands, refusedText(), effects,
                            readModels.invitedInResearch(), readModels.peopleInStrategy(), lost, duplicated,
                            lost == 0 ? recovery.toSeconds() + " s" : "not recovered");
        }

        private String refusedText() {
            List<String> parts = new ArrayList<>();
            refused.forEach((status, n) -> parts.add(n + "× " + status));
            if (effectsOfRefused > 0) {
                parts.add(effectsOfRefused + " refused invitations took effect after all");
            }
            if (unanswered > 0) {
                parts.add(unanswered + " unanswered in 30 s (" + effectsOfUnanswered + " of them took effect)");
            }
            return parts.isEmpty() ? "" : "; refused: " + String.join(", ", parts);
        }
    }

    /**
     * What research-service and strategy-service have made of membership's events, read through the gateway:
     * the people invited in research's working-group pipeline and the people taking part (registered or invited)
     * in strategy's participation. Each load registers and invites new people, so both grow by its count.
     */
    record ReadModels(long invitedInResearch, long peopleInStrategy) {

        /** Both read now, or empty when either service does not answer (it may be the one faulted). */
        static Optional<ReadModels> read(GatewayClient client) {
            try {
                GatewayClient.Answer research = client.get("/api/research/working-group");
                GatewayClient.Answer strategy = client.get("/api/strategy/participation");
                if (research.status() != 200 || strategy.status() != 200) {
                    return Optional.empty();
                }
                return Optional.of(new ReadModels(
                        research.body().get("peopleInPipeline").get("invited").asLong(),
                        strategy.body().get("people").asLong()));
            } catch (IllegalStateException noAnswer) {
                return Optional.empty();
            }
        }

        ReadModels minus(ReadModels before) {
            return new ReadModels(invitedInResearch - before.invitedInResearch,
                    peopleInStrategy - before.peopleInStrategy);
        }

        /** How many fewer than these each counts. */
        long shortOf(long invited, long people) {
            return Math.max(0, invited - invitedInResearch) + Math.max(0, people - peopleInStrategy);
        }

        /** How many more than this each counts. */
        long beyond(long most) {
            return Math.max(0, invitedInResearch - most) + Math.max(0, peopleInStrategy - most);
        }
    }

    private final Devstack stack;
    private final GatewayClient coordinator;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private Duration load = Duration.ofSeconds(60);
    private Duration every = Duration.ofMillis(500);
    private Duration faultAfter = Duration.ofSeconds(10);
    private Duration faultFor = Duration.ofSeconds(30);
    private Duration waitForEffects = Duration.ofMinutes(5);

    FaultUnderLoad(Devstack stack, GatewayClient coordinator) {
        this.stack = stack;
        this.coordinator = coordinator;
    }

    FaultUnderLoad load(Duration length, Duration commandEvery) {
        this.load = length;
        this.every = commandEvery;
        return this;
    }

    FaultUnderLoad fault(Duration after, Duration length) {
        this.faultAfter = after;
        this.faultFor = length;
        return this;
    }

    FaultUnderLoad waitForEffects(Duration atMost) {
        this.waitForEffects = atMost;
        return this;
    }

    Result run(String name, Fault fault) throws Exception {
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
        List<String> refusedAddresses = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> refused = Collections.synchronizedMap(new TreeMap<>());
        AtomicReference<Exception> faultFailed = new AtomicReference<>();
        AtomicReference<Instant> faultEnded = new AtomicReference<>();
        AtomicInteger registered = new AtomicInteger();
        ReadModels before = ReadModels.read(coordinator)
                .orElseThrow(() -> new IllegalStateException("research or strategy does not answer before the load"));

        Thread faulty = new Thread(() -> {
            try {
                Thread.sleep(faultAfter.toMillis());
                fault.begin();
                Thread.sleep(faultFor.toMillis());
                fault.end();
            } catch (Exception e) {
                faultFailed.set(e);
            } finally {
                faultEnded.set(Instant.now());
            }
        }, "fault");
        Instant start = Instant.now();
        faulty.start();
        int commands = 0;
        for (Instant next = start; Duration.between(start, next).compareTo(load) < 0; next = next.plus(every)) {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
            String email = "fault-" + run + "-" + commands + "@example.org";
            commands++;
            invite(commands, email, registered, accepted, unanswered, refusedAddresses, refused);
        }
        Instant loadEnded = Instant.now();
        faulty.join();
        if (faultFailed.get() != null) {
            throw new IllegalStateException("the fault could not be made or undone", faultFailed.get());
        }

        // recovery counts from the fault's end, or from the load's end if that came later (a fault of no length)
        Instant up = faultEnded.get().isAfter(loadEnded) ? faultEnded.get() : loadEnded;
        Instant deadline = Instant.now().plus(waitForEffects);
        Instant lastArrival = up;
        while (Instant.now().isBefore(deadline)) {
            if (mails(accepted).size() == accepted.size() && ReadModels.read(coordinator)
                    .map(now -> now.minus(before).shortOf(accepted.size(), registered.get()) == 0).orElse(false)) {
                lastArrival = Instant.now();
                break;
            }
            Thread.sleep(1000);
        }
        Thread.sleep(20_000); // would a second copy follow?
        Map<String, Integer> arrived = mails(accepted);
        ReadModels added = ReadModels.read(coordinator)
                .orElseThrow(() -> new IllegalStateException("research or strategy does not answer after the load"))
                .minus(before);
        List<String> all = new ArrayList<>(accepted);
        all.addAll(unanswered);
        all.addAll(refusedAddresses);
        long lost = accepted.stream().filter(a -> !arrived.containsKey(a)).count()
                + added.shortOf(accepted.size(), registered.get());
        long duplicated = copies(all).values().stream().filter(n -> n > 1).count() + added.beyond(commands);
        Result result = new Result(name, commands, accepted.size(), Map.copyOf(refused), unanswered.size(),
                arrived.size(), added, lost, duplicated, mails(refusedAddresses).size(), mails(unanswered).size(),
                lastArrival.isBefore(up) ? Duration.ZERO : Duration.between(up, lastArrival), faultFor);
        record(result);
        return result;
    }

    /** Registers a person and invites them; where the answer puts the address. */
    private void invite(int i, String email, AtomicInteger registered, List<String> accepted,
            List<String> unanswered, List<String> refusedAddresses, Map<String, Integer> refused) {
        try {
            GatewayClient.Answer person = coordinator.post("/api/membership/people", """
                    {"displayName":"Fault %d","email":"%s","country":"KG","preferredLanguage":"ky",
                     "timeZone":"Asia/Bishkek","roles":["MEMBER"]}""".formatted(i, email));
            if (person.status() != 201) {
                refused.merge(person.status() + " at registration", 1, Integer::sum);
                return;
            }
            registered.incrementAndGet();
            GatewayClient.Answer invited = coordinator.post("/api/membership/people/"
                    + person.body().get("id").asString() + "/invitations", null);
            if (invited.status() / 100 == 2) {
                accepted.add(email);
            } else {
                refused.merge(invited.status() + " at invitation", 1, Integer::sum);
                refusedAddresses.add(email);
            }
        } catch (IllegalStateException noAnswer) {
            unanswered.add(email);
        }
    }

    /** How many e-mails each of these addresses has received. */
    private Map<String, Integer> mails(List<String> addresses) {
        return count(addresses, (address, mail) -> address);
    }

    /** How many copies of each mail (address and subject) arrived. */
    private Map<String, Integer> copies(List<String> addresses) {
        return count(addresses, (address, mail) -> address + " | " + mail.subject());
    }

    private Map<String, Integer> count(List<String> addresses, BiFunction<String, MailMessage, String> key) {
        List<String> wanted;
        synchronized (addresses) {
            wanted = List.copyOf(addresses);
        }
        Map<String, Integer> count = new LinkedHashMap<>();
        for (MailMessage mail : stack.mailMessages()) {
            for (String address : wanted) {
                if (mail.to() != null && mail.to().contains(address)) {
                    count.merge(key.apply(address, mail), 1, Integer::sum);
                }
            }
        }
        return count;
    }

    private void record(Result result) throws IOException {
        String line = result.row() + " <!-- " + Instant.now() + ", " + load.toSeconds() + " s of load, one command every "
                + every.toMillis() + " ms, fault after " + faultAfter.toSeconds() + " s for " + faultFor.toSeconds()
                + " s -->";
        System.out.println("FAULT RESULT " + line);
        Path out = Path.of("target", "benchmarks", "faults.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
