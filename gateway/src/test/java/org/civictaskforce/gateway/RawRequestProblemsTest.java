package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civictaskforce.platform.testing.RawHttp.assertProblem;

import java.io.IOException;

import org.civictaskforce.platform.testing.RawHttp;
import org.civictaskforce.platform.testing.RawHttp.Answer;

import org.junit.jupiter.api.Test;

import org.civictaskforce.platform.security.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;


/**
 * What Reactor Netty refuses while decoding (an over-long request line or header) and what Spring
 * Security's firewall refuses (an encoded NUL or slash in the path) is still answered as a problem.
 * Sent byte for byte over a socket: HTTP clients would normalise or refuse these requests themselves.
 */
class RawRequestProblemsTest extends GatewayIntegrationTest {


    @LocalServerPort
    int port;

    @Test
    void encodedNulInThePathIsA400Problem() throws IOException {
        assertProblem(send("GET /api/membership/people/a%00b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                400);
        assertThat(requestsToAllServices()).isZero();
    }

    @Test
    void encodedSlashInThePathIsA400Problem() throws IOException {
        assertProblem(send("GET /api/membership/people/a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                400);
        assertThat(requestsToAllServices()).isZero();
    }

    @Test
    void rawBracketsInTheQueryArePassedOnForTheServiceToJudge() throws IOException {
        // Reactor Netty accepts them; the service behind refuses them as a problem of its own
        // (platform-kit's RawRequestProblemsIT)
        Answer answer = send("GET /api/membership/people?expertId[$ne]=x HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + TestTokens.coordinator() + "\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(membership.requests()).singleElement()
                .satisfies(request -> assertThat(request.query()).isEqualTo("expertId[$ne]=x"));
    }

    @Test
    void aMalformedRequestLineIsA400Problem() throws IOException {
        assertProblem(send("GET /api/membership/people HTTP/1.1 extra\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                400);
        assertThat(requestsToAllServices()).isZero();
    }

    @Test
    void anOverLongUriIsA414Problem() throws IOException {
        Answer answer = send("GET /api/membership/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertProblem(answer, 414);
        assertThat(requestsToAllServices()).isZero();
    }

    @Test
    void anOverLongHeaderIsA431Problem() throws IOException {
        Answer answer = send("GET /api/membership/people HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "a".repeat(70_000)
                + "\r\nConnection: close\r\n\r\n");
        assertProblem(answer, 431);
        assertThat(requestsToAllServices()).isZero();
    }

    private Answer send(String request) throws IOException {
        return RawHttp.send(port, request);
    }
}
