package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.civictaskforce.platform.security.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the outside test found at the edge: requests refused before a route sees them got an empty body.
 * Sent as raw bytes (an HTTP client would clean the path up first), each is now an RFC 9457 problem, and
 * no service is called.
 */
class RawRequestProblemsTest extends GatewayIntegrationTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a NUL in the path      | /api/membership/people%00          | -           | 400",
            "an encoded slash       | /api/membership/a%2Fb              | -           | 400",
            "an operator in a query | /api/research/findings?expertId[$ne]=x | -       | 200",
            "a very long address    | LONG_URI                           | -           | 414",
            "a very long header     | /api/membership/people             | LONG_HEADER | 431" })
    void isAProblem(String name, String target, String header, int expected) throws Exception {
        String path = "LONG_URI".equals(target) ? "/api/membership/people?q=" + "a".repeat(20_000) : target;
        String extra = "LONG_HEADER".equals(header) ? "X-Long: " + "b".repeat(70_000) + "\r\n" : "";
        String response = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + TestTokens.coordinator() + "\r\n" + extra + "Connection: close\r\n\r\n");

        String statusLine = response.lines().findFirst().orElse("");
        assertThat(statusLine).as(response).startsWith("HTTP/1.1 " + expected);
        if (expected == 200) {
            // the gateway passes the query on unchanged: the service decides (and refuses operators itself)
            return;
        }
        String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase();
        assertThat(head).as(response).contains("content-type: application/problem+json");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(body).contains("\"type\":").contains("\"title\":").contains("\"status\":" + expected)
                .doesNotContain("<html", "Exception", "at org.", "netty");
        assertThat(requestsToAllServices()).isZero();
    }

    private String send(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (java.net.SocketException closed) {
                // the gateway may answer and close while a long header is still being sent
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    received.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // what was answered before the reset is already here
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
