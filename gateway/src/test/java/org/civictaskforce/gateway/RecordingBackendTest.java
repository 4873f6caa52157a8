package org.civictaskforce.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;

import org.junit.jupiter.api.Test;

class RecordingBackendTest {

    @Test
    void aDeadUrlRefusesConnectionsAndNoServerCanTakeItsPort() {
        int port = URI.create(RecordingBackend.deadUrl()).getPort();

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            }
        }).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> {
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }).hasMessageContaining("in use");
    }
}
