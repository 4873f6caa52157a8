package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.civictaskforce.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One keep-alive connection carrying one request after another, as a browser's does: every request is answered,
 * also when it arrives while the gateway is still finishing the one before and the gateway refuses it at once
 * itself. Reactor Netty 1.3.6 could stop reading such a connection then (reactor-netty issue 4361, fixed in 1.3.8):
 * the next request on it was never answered. Seen in CI as {@code PublicGuideRouteTest} hanging 30 s on its third
 * request (refused writes, one after another, on one connection).
 */
class KeepAliveConnectionsTest extends GatewayIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void everyRequestOnAKeepAliveConnectionIsAnswered() throws IOException {
        String bearer = "Authorization: " + TestTokens.coordinator() + "\r\n";
        String[] requests = {
                "POST /guide/ky HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
                "PUT /guide/ky/1.pdf HTTP/1.1\r\nHost: localhost\r\n" + bearer
                        + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
                "DELETE /guide/ky HTTP/1.1\r\nHost: localhost\r\n" + bearer + "\r\n",
                "GET /guidebook HTTP/1.1\r\nHost: localhost\r\n\r\n" };
        int answered = 0;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int round = 0; round < 100; round++) {
                for (String request : requests) {
                    out.write(request.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    String head = readAnswer(in);
                    assertThat(head).as("answer %d", answered + 1).startsWith("HTTP/1.1 4");
                    assertThat(head.toLowerCase(Locale.ROOT)).as("answer %d keeps the connection", answered + 1)
                            .doesNotContain("connection: close");
                    answered++;
                }
            }
        } catch (SocketTimeoutException hung) {
            throw new AssertionError("request " + (answered + 1) + " on the connection was not answered in 5 s", hung);
        }
        assertThat(answered).isEqualTo(400);
    }

    /** Reads one answer (its head, and its body by length or in chunks); returns the head. */
    private static String readAnswer(InputStream in) throws IOException {
        String head = readUntil(in, "\r\n\r\n");
        String lower = head.toLowerCase(Locale.ROOT);
        int length = lower.indexOf("\r\ncontent-length:");
        if (length >= 0) {
            int end = lower.indexOf("\r\n", length + 2);
            in.readNBytes(Integer.parseInt(head.substring(length + 17, end).trim()));
        } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
            for (int size; (size = Integer.parseInt(readUntil(in, "\r\n").trim(), 16)) > 0;) {
                in.readNBytes(size + 2);
            }
            readUntil(in, "\r\n");
        }
        return head;
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the gateway closed the connection: " + bytes);
            }
            bytes.write(b);
        }
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - end.length());
    }
}
