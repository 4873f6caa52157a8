package org.civictaskforce.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.platform.outbox.KitTestApplication;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * What Tomcat refuses before Spring sees the request (an encoded NUL or slash in the path, raw
 * brackets in the query, an over-long URI or header) is still answered as a problem: sent byte for
 * byte over a socket, since HTTP clients would normalise or refuse these requests themselves.
 */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = "kit-test.events.v1", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource("classpath:kit-test.properties")
class RawRequestProblemsIntegrationTest {

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

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.header("content-type")).as(answer.raw()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("<html", "<!doctype", "Exception", "\tat ");
        JsonNode problem = EventJson.MAPPER.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("/problems/");
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Answer.parse(readAll(socket.getInputStream()));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1;) {
                bytes.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // the server may reset the connection after answering an oversized request
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    record Answer(String raw, int status, String headers, String body) {
        static Answer parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String body = end < 0 ? "" : raw.substring(end + 4);
            String[] statusLine = head.split("\r\n", 2)[0].split(" ");
            int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Answer(raw, status, head, body);
        }

        String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }

        private static String dechunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
                at = lineEnd + 2 + size + 2;
            }
            return out.toString();
        }
    }
}
