package org.civictaskforce.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Small helpers around TCP ports: is one free, give me some free ones. */
public final class Ports {

    private Ports() {
    }

    /** True when nothing listens on {@code port} (any local address). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // SO_REUSEADDR so that sockets left in TIME_WAIT by a previous run do not count as "in use";
            // a listening socket on the port (on any address) still makes the bind fail on Linux.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One free port, chosen by the operating system. */
    public static int freePort() {
        return freePorts(1)[0];
    }

    /** {@code count} distinct free ports, chosen by the operating system (held together, then released). */
    public static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("localhost", 0));
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new DevstackException("could not find free TCP ports: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }
}
