package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.MediaType;

/**
 * The back office reads every service's audit trail through the gateway: {@code GET /api/<service>/audit}
 * is the service's own {@code /admin/audit} (which lets only coordinators in), the query unchanged; the
 * gateway's own {@code /admin/**} stays unrouted.
 */
class AuditRoutesTest extends GatewayIntegrationTest {

    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of("membership", membership),
                Arguments.of("research", research),
                Arguments.of("strategy", strategy),
                Arguments.of("notifications", notifications),
                Arguments.of("identity", identity));
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServicesAuditIsItsAdminAuditWithTheQueryUnchanged(String service, RecordingBackend backend) {
        client.get().uri("/api/" + service + "/audit?type=x.y&from=2026-12-01T00:00:00Z&page=1&size=50").exchange()
                .expectStatus().isOk();

        assertThat(backend.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/admin/audit");
            assertThat(request.query()).isEqualTo("type=x.y&from=2026-12-01T00:00:00Z&page=1&size=50");
        });
        assertThat(requestsToAllServices()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("services")
    void withoutATokenTheGatewayAnswers401AndNoServiceIsAsked(String service, RecordingBackend backend) {
        anonymous().get().uri("/api/" + service + "/audit").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(requestsToAllServices()).isZero();
    }

    @Test
    void theServicesAnswerPassesThroughSoItsRefusalReachesTheBrowser() {
        membership.answer("/admin/audit", 403,
                "{\"type\":\"/problems/forbidden\",\"title\":\"Forbidden\",\"status\":403}");

        client.get().uri("/api/membership/audit").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/forbidden");
    }

    @Test
    void onlyReadingIsRoutedAndOtherPathsUnderAuditGoToTheServiceUnchanged() {
        client.post().uri("/api/membership/audit").exchange();
        client.get().uri("/api/membership/audit/x").exchange();

        assertThat(membership.requests()).extracting(RecordingBackend.RecordedRequest::path)
                .containsExactly("/api/membership/audit", "/api/membership/audit/x");
    }
}
