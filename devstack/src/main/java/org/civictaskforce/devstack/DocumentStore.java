package org.civictaskforce.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-compatible server (mongo-java-server) whose data is kept in one H2 MVStore file
 * under {@code <dataDir>}, so it survives restarts. Services connect with a normal
 * {@code mongodb://localhost:<port>/<database>} URI. See the design notes for what it does not do
 * (transactions, change streams, $text, TTL indexes).
 */
public class DocumentStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);

    /** File name of the store inside the data folder. */
    public static final String FILE_NAME = "documents.mv.db";

    private final Path dataDir;
    private final int port;
    private MongoServer server;
    private H2Backend backend;

    public DocumentStore(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new DevstackException("cannot create the document store folder " + dataDir + ": " + e.getMessage(), e);
        }
        H2Backend h2;
        try {
            h2 = new H2Backend(storeFile().toString());
        } catch (RuntimeException e) {
            throw new DevstackException("cannot open the document store file " + storeFile()
                    + " (is another devstack using this data folder?): " + e.getMessage(), e);
        }
        MongoServer mongo = new MongoServer(h2);
        try {
            mongo.bind("localhost", port);
        } catch (RuntimeException e) {
            mongo.shutdownNow();
            h2.close();
            throw new DevstackException("MongoDB-compatible store could not listen on port " + port + ": " + e.getMessage(), e);
        }
        backend = h2;
        server = mongo;
        log.info("MongoDB-compatible store listening on localhost:{} in {} ms, data in {}",
                port, (System.nanoTime() - started) / 1_000_000, storeFile());
    }

    /** Stops listening, commits and closes the store file; safe to call more than once. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        MongoServer mongo = server;
        H2Backend h2 = backend;
        server = null;
        backend = null;
        try {
            h2.commit();
        } catch (RuntimeException e) {
            log.warn("document store commit before shutdown failed: {}", e.toString());
        }
        mongo.shutdown(); // closes the connections, then the backend (which commits and closes the file)
        if (!h2.getMvStore().isClosed()) {
            h2.close();
        }
        log.info("MongoDB-compatible store stopped");
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code mongodb://localhost:<port>/<database>}. */
    public String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    /** {@code mongodb://localhost:<port>} (no database). */
    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path storeFile() {
        return dataDir.resolve(FILE_NAME);
    }
}
