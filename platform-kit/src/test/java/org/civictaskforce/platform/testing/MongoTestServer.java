package org.civictaskforce.platform.testing;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB-wire-compatible server (mongo-java-server, in memory) on a free loopback port, shared by
 * the tests of one JVM. Services connect to it with a normal {@code mongodb://} URI, exactly as to
 * real MongoDB. Use a fresh database name per test class to keep tests apart.
 */
public final class MongoTestServer {
    private static MongoServer server;
    private static InetSocketAddress address;

    private MongoTestServer() {
    }

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            address = server.getLocalAddress();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }
}
