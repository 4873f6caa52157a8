package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.civictaskforce.gateway.correlation.CorrelationId;
import org.civictaskforce.gateway.problem.Problem;
import org.springframework.http.HttpStatusCode;

class ProblemAndCorrelationIdTest {

    @ParameterizedTest
    @CsvSource({
            "404, /problems/not-found, Not Found",
            "413, /problems/content-too-large, Content Too Large",
            "429, /problems/too-many-requests, Too Many Requests",
            "503, /problems/service-unavailable, Service Unavailable",
            "504, /problems/gateway-timeout, Gateway Timeout" })
    void problemTypeIsAStableSlugOfTheStatus(int status, String type, String title) {
        Problem problem = Problem.of(HttpStatusCode.valueOf(status), "detail");

        assertThat(problem.type()).isEqualTo(type);
        assertThat(problem.title()).isEqualTo(title);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a", "0f8fad5b-d9cb-469f-a165-70867728950e", "web.client_1-x",
            "1234567890123456789012345678901234567890123456789012345678901234" })
    void acceptsShortPlainTokens(String id) {
        assertThat(CorrelationId.sanitize(id)).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "a b", "a\nb", "a;b", "é", "{}",
            "12345678901234567890123456789012345678901234567890123456789012345" })
    void rejectsAnythingElse(String id) {
        assertThat(CorrelationId.sanitize(id)).isEmpty();
    }

    @Test
    void rejectsAbsent() {
        assertThat(CorrelationId.sanitize(null)).isEmpty();
    }
}
