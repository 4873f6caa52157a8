package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackService;
import org.civictaskforce.devstack.ServiceProcess;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fault-and-load suite: one fault at a time while a coordinator keeps inviting people through the gateway
 * ({@link FaultUnderLoad}), on the local system (one process per service, the devstack's Kafka broker, store and
 * SMTP sink). Expected of each: nothing accepted is lost, nothing is sent twice, recovery within the bound its test
 * states. Commands the system refuses while its store is down are counted, with their answers.
 * <p>
 * Tagged {@code fault}: not part of the build (about 20 minutes). Command and results: docs/reliability.md.
 */
@Tag("fault")
@ExtendWith(SystemUnderTest.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsUnderLoadIT {

    private final Devstack stack = SystemUnderTest.stack();
    private final FaultUnderLoad load = new FaultUnderLoad(stack, SystemUnderTest.gateway());

    @Test
    @Order(1)
    void smtpRefusingForSixtySeconds() throws Exception {
        FaultUnderLoad.Result result = load.fault(Duration.ofSeconds(10), Duration.ofSeconds(60))
                .load(Duration.ofSeconds(60), Duration.ofMillis(500))
                .run("SMTP refuses every connection for 60 s", new FaultUnderLoad.Fault() {
                    public void begin() {
                        stack.mailSink().stop();
                    }

                    public void end() {
                        stack.mailSink().start();
                    }
                });
        // after a refusal a delivery waits its back-off: 30 s, then 60 s, …
        expectNothingLostOrTwice(result, Duration.ofMinutes(3));
    }

    @Test
    @Order(2)
    void poisonEventsAmongTheInvitations() throws Exception {
        double parkedBefore = parked(DevstackService.NOTIFICATION);
        FaultUnderLoad.Result result = load.run("two poison events on membership.events.v1 (not JSON; an envelope "
                + "whose data is not its type's)", new FaultUnderLoad.Fault() {
                    public void begin() throws Exception {
                        try (KafkaProducer<String, String> kafka = producer()) {
                            kafka.send(new ProducerRecord<>(Topics.MEMBERSHIP_EVENTS, "poison-1", "{not json"))
                                    .get(10, TimeUnit.SECONDS);
                            kafka.send(new ProducerRecord<>(Topics.MEMBERSHIP_EVENTS, "poison-2", """
                                    {"specversion":"1.0","id":"poison-2","source":"fault-test",
                                     "type":"org.civictaskforce.membership.member.invited","subject":"poison-2",
                                     "time":"%s","data":{"personId":[1,2,3],"invitedAt":"yesterday"}}""".formatted(Instant.now())))
                                    .get(10, TimeUnit.SECONDS);
                        }
                    }

                    public void end() {
                    }
                });
        expectNothingLostOrTwice(result, Duration.ofSeconds(30));
        assertThat(parked(DevstackService.NOTIFICATION) - parkedBefore).as("both parked on the dead-letter topic")
                .isEqualTo(2.0);
    }

    @Test
    @Order(3)
    void notificationServiceKilledAndStartedAgain() throws Exception {
        expectNothingLostOrTwice(killed(DevstackService.NOTIFICATION), Duration.ofSeconds(90));
    }

    @Test
    @Order(4)
    void membershipServiceKilledAndStartedAgain() throws Exception {
        expectNothingLostOrTwice(killed(DevstackService.MEMBERSHIP), Duration.ofSeconds(90));
    }

    @Test
    @Order(5)
    void kafkaBrokerStoppedForThirtySeconds() throws Exception {
        FaultUnderLoad.Result result = load.run("the Kafka broker stopped for 30 s", new FaultUnderLoad.Fault() {
            public void begin() {
                stack.kafkaBroker().stop();
            }

            public void end() {
                stack.kafkaBroker().start();
            }
        });
        assertThat(result.accepted()).as("commands are accepted while the broker is away (the outbox keeps them)")
                .isEqualTo(result.commands());
        expectNothingLostOrTwice(result, Duration.ofSeconds(90));
    }

    @Test
    @Order(6)
    void storeStoppedForThirtySeconds() throws Exception {
        FaultUnderLoad.Result result = load.run("the MongoDB-compatible store stopped for 30 s",
                new FaultUnderLoad.Fault() {
                    public void begin() {
                        stack.documentStore().stop();
                    }

                    public void end() {
                        stack.documentStore().start();
                    }
                });
        assertThat(result.refused().keySet()).as("refusals are answers, never a 500")
                .noneMatch(answer -> answer.startsWith("500"));
        expectNothingLostOrTwice(result, Duration.ofSeconds(90));
    }

    /** kill -9 of the service's process 10 s into the load; started again 5 s later, as an orchestrator would. */
    private FaultUnderLoad.Result killed(DevstackService service) throws Exception {
        ServiceProcess process = stack.process(service);
        return load.fault(Duration.ofSeconds(10), Duration.ofSeconds(5))
                .run(service.module() + " killed (SIGKILL), started again 5 s later", FaultUnderLoad.Fault.killed(process));
    }

    private static void expectNothingLostOrTwice(FaultUnderLoad.Result result, Duration recoveryBound) {
        assertThat(result.lost()).as("accepted invitations without an e-mail: " + result.row()).isZero();
        assertThat(result.duplicated()).as("e-mails sent twice: " + result.row()).isZero();
        assertThat(result.recovery()).as("recovery: " + result.row()).isLessThanOrEqualTo(recoveryBound);
    }

    /** The service's count of records parked on its dead-letter topics ({@code consumer_records_parked_total}). */
    private double parked(DevstackService service) {
        return PrometheusMetrics.of(stack.serviceUrl(service) + "/actuator/prometheus")
                .sum("consumer_records_parked_total", "");
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrap()), new StringSerializer(), new StringSerializer());
    }
}
