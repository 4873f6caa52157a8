package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.civictaskforce.platform.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Several instances of a service behind the gateway (Spring Cloud LoadBalancer over the configured instances, as the
 * devstack configures them with DEVSTACK_REPLICAS): requests are spread over them, and when one was killed a write
 * still reaches another, exactly once, with its body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.capacity=100000",
        "gateway.rate-limit.refill-per-second=100000" })
@AutoConfigureWebTestClient(timeout = "30s")
class ReplicaBalancingTest {
    static final RecordingBackend research1 = RecordingBackend.start();
    static final RecordingBackend research2 = RecordingBackend.start();
    static final RecordingBackend membership = RecordingBackend.start();
    static final String dead = RecordingBackend.deadUrl();

    @Autowired
    WebTestClient plain;

    WebTestClient client;

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.research-service[0].uri", research1::url);
        registry.add("spring.cloud.discovery.client.simple.instances.research-service[1].uri", research2::url);
        // one of membership's two replicas was killed: its port refuses connections
        registry.add("spring.cloud.discovery.client.simple.instances.membership-service[0].uri", () -> dead);
        registry.add("spring.cloud.discovery.client.simple.instances.membership-service[1].uri", membership::url);
    }

    @BeforeEach
    void signIn() {
        client = plain.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.coordinator()).build();
        research1.reset();
        research2.reset();
        membership.reset();
    }

    @Test
    void requestsAreSpreadOverTheInstancesInTurn() {
        for (int i = 0; i < 10; i++) {
            client.get().uri("/api/research/findings?page=" + i).exchange().expectStatus().isOk();
        }

        assertThat(research1.requests()).hasSize(5);
        assertThat(research2.requests()).hasSize(5);
    }

    @Test
    void aWriteToAKilledReplicaGoesToTheOtherOnceWithItsBody() {
        List<String> sent = IntStream.range(0, 10).mapToObj(i -> "{\"name\":\"Organisation " + i + "\"}").toList();
        for (String body : sent) {
            client.post().uri("/api/membership/organisations").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange().expectStatus().isOk();
        }

        assertThat(membership.requestsTo("/api/membership/organisations"))
                .as("each write arrived once, with its body")
                .map(r -> r.method() + " " + new String(r.body(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(sent.stream().map(b -> "POST " + b).toList());
    }

    @Test
    void aReadToAKilledReplicaGoesToTheOther() {
        for (int i = 0; i < 6; i++) {
            client.get().uri("/api/membership/people").exchange().expectStatus().isOk();
        }
        assertThat(membership.requestsTo("/api/membership/people")).hasSize(6);
    }
}
