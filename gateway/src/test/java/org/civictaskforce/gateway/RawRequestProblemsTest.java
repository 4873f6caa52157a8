package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.civictaskforce.platform.security.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Reactor Netty refuses while decoding (an over-long request line or header) and what Spring
 * Security's firewall refuses (an encoded NUL or slash in the path) is still answered as a problem.
 * Sent byte for byte over a socket: HTTP clients would normalise or refuse these requests themselves.
 */
class RawRequestProblemsTest extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        // (platform-kit's RawRequestProblemsIntegrationTest)
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

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.header("content-type")).as(answer.raw()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("<html", "<!doctype", "Exception", "\tat ");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("/problems/");
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            catch (java.net.SocketException e) {
                // the server may answer and close before reading all of an oversized request
            }
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
        }
        catch (java.net.SocketException e) {
            // a reset after the answer
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
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
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
