package org.civictaskforce.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civictaskforce.platform.testing.RawHttp.assertProblem;

import java.io.IOException;

import org.civictaskforce.platform.testing.RawHttp;
import org.civictaskforce.platform.testing.RawHttp.Answer;
import java.util.UUID;

import org.civictaskforce.platform.outbox.KitTestApplication;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;


/**
 * What Tomcat refuses before Spring sees the request (an encoded NUL or slash in the path, raw
 * brackets in the query, an over-long URI or header) is still answered as a problem: sent byte for
 * byte over a socket, since HTTP clients would normalise or refuse these requests themselves.
 */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = "kit-test.events.v1", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource("classpath:kit-test.properties")
class RawRequestProblemsIT {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("kit-raw-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;

    @Test
    void encodedNulInThePathIsA400Problem() throws IOException {
        assertProblem(send("GET /kit/who%00ami HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void encodedSlashInThePathIsA400Problem() throws IOException {
        assertProblem(send("GET /kit/a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void rawBracketsInTheQueryAreA400Problem() throws IOException {
        assertProblem(send("GET /kit/whoami?expertId[$ne]=x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                400);
    }

    @Test
    void anOverLongUriIsA4xxProblem() throws IOException {
        String path = "/kit/" + "a".repeat(20_000);
        Answer answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertProblem(answer, answer.status());
        assertThat(answer.status()).isIn(400, 414);
    }

    @Test
    void anOverLongHeaderIsA4xxProblem() throws IOException {
        Answer answer = send("GET /kit/whoami HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "a".repeat(70_000)
                + "\r\nConnection: close\r\n\r\n");
        assertProblem(answer, answer.status());
        assertThat(answer.status()).isIn(400, 431);
    }

    @Test
    void whatSpringSecuritysFirewallRefusesIsA400ProblemEvenForABrowser() throws IOException {
        // a path parameter is refused by the firewall; the container then asks /error for the answer
        assertProblem(send("GET /kit/whoami;x=1 HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Connection: close\r\n\r\n"), 400);
    }

    private Answer send(String request) throws IOException {
        return RawHttp.send(port, request);
    }
}
