package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackConfig;
import org.civictaskforce.devstack.DevstackService;
import org.civictaskforce.devstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two replicas of membership-service and of each service that consumes its events (notification-service,
 * research-service, strategy-service) behind the gateway (DEVSTACK_REPLICAS, the gateway's load balancer over
 * them), and one of the two killed with SIGKILL while a coordinator keeps inviting people ({@link FaultUnderLoad});
 * it is started again only after the load. Expected: the survivor carries on (a consumer's after its group has
 * given it the dead replica's partitions), so (in-flight requests of the killed membership replica aside) every
 * invitation is accepted, and none is lost or counted twice: not in the e-mails, not in research's and strategy's
 * read models.
 * <p>
 * Tagged {@code fault} (its own system of twelve processes; about 15 minutes). Command and results:
 * docs/reliability.md.
 */
@Tag("fault")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaFaultsUnderLoadIT {
    private static Devstack stack;
    private static GatewayClient coordinator;

    @BeforeAll
    static void startWithTwoReplicas() throws IOException {
        Path repo = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
        stack = new Devstack(DevstackConfig.builder().repoRoot(repo)
                .dataDir(Files.createTempDirectory("civic-replica-faults")).randomPorts()
                .readyTimeout(Duration.ofSeconds(300))
                .replicas(DevstackService.MEMBERSHIP, 2).replicas(DevstackService.NOTIFICATION, 2)
                .replicas(DevstackService.RESEARCH, 2).replicas(DevstackService.STRATEGY, 2).build()).start();
        coordinator = new GatewayClient(stack.gatewayUrl(), new Identities(stack));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void oneOfTwoNotificationReplicasKilled() throws Exception {
        FaultUnderLoad.Result result = killSecond(DevstackService.NOTIFICATION);
        assertThat(result.accepted()).isEqualTo(result.commands());
        assertThat(result.lost()).as(result.row()).isZero();
        assertThat(result.duplicated()).as(result.row()).isZero();
    }

    @Test
    @Order(2)
    void oneOfTwoMembershipReplicasKilled() throws Exception {
        FaultUnderLoad.Result result = killSecond(DevstackService.MEMBERSHIP);
        assertThat(result.refused().values().stream().mapToInt(Integer::intValue).sum() + result.unanswered())
                .as("only requests in flight at the kill may fail: " + result.row()).isLessThanOrEqualTo(2);
        assertThat(result.lost()).as(result.row()).isZero();
        assertThat(result.duplicated()).as(result.row()).isZero();
    }

    @Test
    @Order(3)
    void oneOfTwoResearchReplicasKilled() throws Exception {
        FaultUnderLoad.Result result = killSecond(DevstackService.RESEARCH);
        assertThat(result.accepted()).isEqualTo(result.commands());
        assertThat(result.lost()).as(result.row()).isZero();
        assertThat(result.duplicated()).as(result.row()).isZero();
    }

    @Test
    @Order(4)
    void oneOfTwoStrategyReplicasKilled() throws Exception {
        FaultUnderLoad.Result result = killSecond(DevstackService.STRATEGY);
        assertThat(result.accepted()).isEqualTo(result.commands());
        assertThat(result.lost()).as(result.row()).isZero();
        assertThat(result.duplicated()).as(result.row()).isZero();
    }

    /** SIGKILL of the service's second process 10 s into the load; started again once the load is over. */
    private static FaultUnderLoad.Result killSecond(DevstackService service) throws Exception {
        List<ServiceProcess> replicas = stack.replicas(service);
        assertThat(replicas).hasSize(2);
        ServiceProcess victim = replicas.get(1);
        // a load of its own: its people's addresses are new
        return new FaultUnderLoad(stack, coordinator).fault(Duration.ofSeconds(10), Duration.ofSeconds(55))
                .run("one of two " + service.module() + " replicas killed (SIGKILL)", FaultUnderLoad.Fault.killed(victim));
    }
}
