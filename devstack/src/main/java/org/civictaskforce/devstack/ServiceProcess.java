package org.civictaskforce.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service running as its own operating-system process:
 * {@code <java.home>/bin/java -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar <jar>} with the
 * given environment (plus {@code SERVER_PORT}), stdout and stderr into one log file. {@link #awaitReady}
 * waits for {@code GET http://localhost:<port>/actuator/health/readiness} (or another path) to answer 200.
 */
public class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

    /**
     * JVM options for every service: small heap, serial GC, C1 only (fast start, little memory). {@code -Xms32m}: on a
     * machine with much memory the JVM would start the heap at its maximum (1/64 of the memory, capped by -Xmx), and
     * the young generation, a third of it, is all touched as objects come and go; starting small, the heap grows
     * only as far as the service needs (after 30 minutes of mixed load the six services held 1 741 MiB RSS together
     * instead of 1 935; docs/benchmarks.md).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8");
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(180);
    public static final String READINESS_PATH = "/actuator/health/readiness";
    private static final int TAIL_LINES = 30;

    private final String name;
    private final List<String> command;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private volatile Process process;
    /** Whether this process was started before: a restart appends to the log instead of starting it afresh. */
    private boolean startedBefore;
    private volatile long startedAtNanos;
    private final ClassDataArchive.Launch launch;
    private final String readinessPath;

    /** Runs {@code java <DEFAULT_JVM_OPTIONS> -jar <jar>}. */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile) {
        this(name, javaCommand(jar, DEFAULT_JVM_OPTIONS), port, environment, logFile);
    }

    /** Runs an arbitrary command (e.g. {@link #javaCommand}); {@code SERVER_PORT=<port>} is always set. */
    public ServiceProcess(String name, List<String> command, int port, Map<String, String> environment, Path logFile) {
        this(name, command, port, environment, logFile, READINESS_PATH);
    }

    /** A process that is not a Spring Boot service: ready when {@code readinessPath} answers 200. */
    public ServiceProcess(String name, List<String> command, int port, Map<String, String> environment, Path logFile,
            String readinessPath) {
        this(name, new ClassDataArchive.Launch(command, null), port, environment, logFile, readinessPath);
    }

    /** Runs a prepared launch; when it records a start-up archive, {@link #stop()} waits for the JVM to write it. */
    ServiceProcess(String name, ClassDataArchive.Launch launch, int port, Map<String, String> environment,
            Path logFile) {
        this(name, launch, port, environment, logFile, READINESS_PATH);
    }

    private ServiceProcess(String name, ClassDataArchive.Launch launch, int port, Map<String, String> environment,
            Path logFile, String readinessPath) {
        this.name = name;
        this.readinessPath = readinessPath;
        this.launch = launch;
        this.command = List.copyOf(launch.command());
        this.port = port;
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("SERVER_PORT", String.valueOf(port));
        this.environment = Map.copyOf(env);
        this.logFile = logFile.toAbsolutePath();
    }

    /** {@code <java.home>/bin/java <jvmOptions> -jar <jar>}. */
    public static List<String> javaCommand(Path jar, List<String> jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable().toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        return cmd;
    }

    /** The java launcher of the running JVM. */
    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Launches the process (does not wait for readiness). */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    // a restart adds to the log of the first start: what happened before it is often the question
                    .redirectOutput(startedBefore ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                            : ProcessBuilder.Redirect.to(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            builder.environment().putAll(environment);
            startedAtNanos = System.nanoTime();
            process = builder.start();
            startedBefore = true;
        } catch (IOException e) {
            throw new DevstackException(name + " could not be started (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
        log.info("{} started as pid {} on port {}, log {}", name, process.pid(), port, logFile);
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /**
     * Waits until the readiness endpoint answers 200. Fails with a {@link DevstackException} naming the
     * log file (and showing its last lines) when the process exits first or the timeout passes.
     */
    public void awaitReady(Duration timeout) {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException(name + " was not started");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + readinessPath))
                .timeout(Duration.ofSeconds(3)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer yet";
        while (true) {
            if (!p.isAlive()) {
                throw new DevstackException(name + " exited with code " + p.exitValue()
                        + " before it was ready; its log: " + logFile + tailForMessage());
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    log.info("{} ready in {} ms", name, (System.nanoTime() - startedAtNanos) / 1_000_000);
                    return;
                }
                lastAnswer = "last answer " + response.statusCode() + " " + abbreviate(response.body());
            } catch (ConnectException e) {
                lastAnswer = "not listening yet";
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevstackException("interrupted while waiting for " + name, e);
            }
            if (System.nanoTime() > deadline) {
                throw new DevstackException(name + " did not become ready within " + timeout.toSeconds() + " s ("
                        + url() + readinessPath + ": " + lastAnswer + "); its log: " + logFile + tailForMessage());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevstackException("interrupted while waiting for " + name, e);
            }
        }
    }

    /** {@link #start()} then {@link #awaitReady(Duration)}. */
    public void startAndAwaitReady(Duration timeout) {
        start();
        awaitReady(timeout);
    }

    /** Stops the process and its descendants: destroy, wait up to 10 s, then destroy forcibly. */
    public synchronized void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        List<ProcessHandle> descendants = p.descendants().toList();
        boolean stoppedByItself = true;
        if (p.isAlive()) {
            p.destroy();
            descendants.forEach(ProcessHandle::destroy);
            // a JVM recording its start-up archive writes it (about 100 MB) on the way out
            int grace = launch.records() ? 90 : 10;
            try {
                if (!p.waitFor(grace, TimeUnit.SECONDS)) {
                    log.warn("{} (pid {}) did not stop within {} s; killing it", name, p.pid(), grace);
                    stoppedByItself = false;
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stoppedByItself = false;
                p.destroyForcibly();
            }
        }
        ClassDataArchive.finish(launch, stoppedByItself && !p.isAlive());
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        log.info("{} stopped", name);
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The process id, or -1 before {@link #start()}. */
    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /** The exit code once it has exited, else empty. */
    public OptionalLong exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? OptionalLong.empty() : OptionalLong.of(p.exitValue());
    }

    /** Resident memory of the process (KiB), when known. */
    public OptionalLong residentKib() {
        Process p = process;
        return p == null || !p.isAlive() ? OptionalLong.empty() : ProcessMemory.residentKib(p.pid());
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>}. */
    public String url() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public List<String> command() {
        return command;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The last lines of the log file. */
    public String logTail(int lines) {
        return tail(logFile, lines);
    }

    private String tailForMessage() {
        String tail = logTail(TAIL_LINES);
        return tail.isBlank() ? " (the log is empty)"
                : System.lineSeparator() + "---- last " + TAIL_LINES + " lines of " + logFile + " ----"
                + System.lineSeparator() + tail;
    }

    /** The last {@code lines} lines of a (possibly large) text file; "" when it cannot be read. */
    public static String tail(Path file, int lines) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int toRead = (int) Math.min(size, 64 * 1024);
            channel.position(size - toRead);
            ByteBuffer buffer = ByteBuffer.allocate(toRead);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            List<String> all = Arrays.asList(text.split("\\R"));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static String abbreviate(String s) {
        String oneLine = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    @Override
    public String toString() {
        return name + " (port " + port + ", pid " + pid() + ")";
    }
}
