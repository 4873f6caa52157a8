package org.civictaskforce.gateway;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.civictaskforce.platform.security.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port in front of five {@link RecordingBackend}s, one per service.
 * Subclasses share one application context (same configuration), so one gateway start serves them
 * all. Requests act as a coordinator (a test-signed access token). The rate limit is out of the way here ({@link RateLimitTest} has its own gateway), and the
 * response timeout is short so that the timeout test is quick.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.capacity=100000",
        "gateway.rate-limit.refill-per-second=100000",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
        "GATEWAY_CORS_ORIGINS=https://client.example,https://second.example" })
@AutoConfigureWebTestClient(timeout = "30s") // the default 5 s is too short on a loaded 2-core CI machine
abstract class GatewayIntegrationTest {

    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static final RecordingBackend membership = RecordingBackend.start();
    static final RecordingBackend research = RecordingBackend.start();
    static final RecordingBackend strategy = RecordingBackend.start();
    static final RecordingBackend notifications = RecordingBackend.start();
    static final RecordingBackend identity = RecordingBackend.start();

    @Autowired
    private WebTestClient plain;

    WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("MEMBERSHIP_URL", membership::url);
        registry.add("RESEARCH_URL", research::url);
        registry.add("STRATEGY_URL", strategy::url);
        registry.add("NOTIFICATION_URL", notifications::url);
        registry.add("IDENTITY_URL", identity::url);
    }

    /** Acts as a coordinator unless a request sends its own Authorization header (or none, see {@link #anonymous()}). */
    @BeforeEach
    void signIn() {
        client = plain.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.coordinator()).build();
    }

    WebTestClient anonymous() {
        return plain;
    }

    @BeforeEach
    void resetBackends() {
        membership.reset();
        research.reset();
        strategy.reset();
        notifications.reset();
        identity.reset();
    }

    static int requestsToAllServices() {
        return membership.requests().size() + research.requests().size() + strategy.requests().size()
                + notifications.requests().size() + identity.requests().size();
    }
}
