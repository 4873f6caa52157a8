package org.civictaskforce.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ProbesUnobservedTest {
    private final ProbesUnobserved predicate = new ProbesUnobserved();

    @Test
    void requestsToTheActuatorAreNotObserved() {
        assertThat(predicate.test("http.server.requests", request("/actuator/health/readiness"))).isFalse();
        assertThat(predicate.test("http.server.requests", request("/actuator/prometheus"))).isFalse();
        assertThat(predicate.test("http.server.requests", request("/actuator"))).isFalse();
    }

    @Test
    void everythingElseIs() {
        assertThat(predicate.test("http.server.requests", request("/api/membership/people"))).isTrue();
        assertThat(predicate.test("http.server.requests", request("/actuatorish"))).isTrue();
        assertThat(predicate.test("outbox publish", new Observation.Context())).isTrue();
    }

    private static ServerRequestObservationContext request(String path) {
        return new ServerRequestObservationContext(new MockHttpServletRequest("GET", path),
                new MockHttpServletResponse());
    }
}
