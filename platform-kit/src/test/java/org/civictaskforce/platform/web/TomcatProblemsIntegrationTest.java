package org.civictaskforce.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.civictaskforce.platform.outbox.KitTestApplication;
import org.civictaskforce.platform.testing.MongoTestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * What the outside test found: requests Tomcat refuses before Spring sees them were answered with Tomcat's
 * HTML page or an empty body. Sent as raw bytes (an HTTP client would clean the path up first), each is now
 * an RFC 9457 problem, with no HTML and nothing of the server in it.
 */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = "kit-test.events.v1", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestPropertySource("classpath:kit-test.properties")
class TomcatProblemsIntegrationTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("kit-tomcat-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a NUL in the path      | /kit/whoami%00              | -",
            "an encoded slash       | /kit/a%2Fb/whoami           | -",
            "an operator in a query | /kit/whoami?expertId[$ne]=x | -",
            "a very long address    | LONG_URI                    | -",
            "a very long header     | /kit/whoami                 | LONG_HEADER" })
    void isAProblem(String name, String target, String header) throws Exception {
        String path = "LONG_URI".equals(target) ? "/kit/whoami?q=" + "a".repeat(20_000) : target;
        String extra = "LONG_HEADER".equals(header) ? "X-Long: " + "b".repeat(70_000) + "\r\n" : "";
        String response = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extra
                + "Connection: close\r\n\r\n");

        String statusLine = response.lines().findFirst().orElse("");
        assertThat(statusLine).as(response).startsWith("HTTP/1.1 4");
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase();
        assertThat(head).as(response).contains("content-type: application/problem+json");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(body).contains("\"type\":").contains("\"title\":").contains("\"status\":" + status)
                .doesNotContain("<html", "<!doctype", "Tomcat", "Exception", "at org.");
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
                // the server may answer and close while a long header is still being sent
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
