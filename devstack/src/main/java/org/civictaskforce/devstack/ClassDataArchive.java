package org.civictaskforce.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's start-up archive (application class-data sharing, the JDK's dynamic archive): the service's jar
 * extracted next to its libraries with Spring Boot's {@code tools} jar mode (class-data sharing cannot read classes
 * nested inside a jar), and the classes the service loaded on its first run from there, which the JVM writes when that
 * run stops. Every later start maps those classes instead of loading, verifying and linking them again: a service
 * alone started in 4.2–5.2 s instead of 8.2 s here (docs/benchmarks.md, "Start-up").
 * <p>
 * Everything lives under {@code <module>/target/class-data/<key>/}, where the key names the jar's size and time, the
 * JVM and its options: a new build or other options make a new folder (older ones are removed), and two devstacks
 * preparing at once each publish a complete folder or file by an atomic rename, never half of one.
 */
final class ClassDataArchive {
    private static final Logger log = LoggerFactory.getLogger(ClassDataArchive.class);
    private static final String ARCHIVE = "app.jsa";

    private final Path jar;
    private final Path folder;

    private ClassDataArchive(Path jar, Path folder) {
        this.jar = jar;
        this.folder = folder;
    }

    /** The archive of this jar run with these JVM options (nothing is prepared yet). */
    static ClassDataArchive of(Path jar, List<String> jvmOptions) {
        Path root = jar.toAbsolutePath().getParent().resolve("class-data");
        return new ClassDataArchive(jar.toAbsolutePath(), root.resolve(key(jar, jvmOptions)));
    }

    /** What to run: the command, and where the JVM records the archive when there is none yet. */
    record Launch(List<String> command, Path recording) {
        /** Whether this run records the archive (its stop then takes longer: the JVM writes it on the way out). */
        boolean records() {
            return recording != null;
        }

        /** {@code java <jvmOptions> -jar <jar>}, as a service ran before start-up archives. */
        static Launch plain(Path jar, List<String> jvmOptions) {
            return new Launch(ServiceProcess.javaCommand(jar, jvmOptions), null);
        }
    }

    /**
     * Extracts the jar if this build was not extracted yet (a second or two, once per build) and returns the command:
     * with the archive when there is one, else recording it at exit.
     */
    Launch prepare(List<String> jvmOptions) {
        Path extracted = folder.resolve("app");
        if (!Files.isDirectory(extracted) && !extract(extracted)) {
            return Launch.plain(jar, jvmOptions);
        }
        List<String> command = new ArrayList<>();
        command.add(ServiceProcess.javaExecutable().toString());
        command.addAll(jvmOptions);
        Path archive = folder.resolve(ARCHIVE);
        Path recording = null;
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        } else {
            recording = folder.resolve(ARCHIVE + "." + UUID.randomUUID() + ".recording");
            command.add("-XX:ArchiveClassesAtExit=" + recording);
            // the JVM warns about every old-format class it leaves out while it writes the archive
            command.add("-Xlog:cds=error");
        }
        command.add("-jar");
        command.add(extracted.resolve(jar.getFileName()).toString());
        return new Launch(command, recording);
    }

    /**
     * After the process that recorded has exited: publishes its recording when it stopped by itself (the JVM wrote
     * the whole archive), else removes what it left.
     */
    static void finish(Launch launch, boolean stoppedByItself) {
        if (!launch.records()) {
            return;
        }
        Path recording = launch.recording();
        try {
            if (stoppedByItself && Files.isRegularFile(recording) && Files.size(recording) > 0) {
                move(recording, recording.resolveSibling(ARCHIVE), true);
                log.info("start-up archive written: {}", recording.resolveSibling(ARCHIVE));
            } else {
                Files.deleteIfExists(recording);
            }
        } catch (IOException e) {
            log.warn("start-up archive not kept ({}): {}", recording, e.toString());
        }
    }

    /** Extracts the jar into {@code extracted}; false (and a warning) when it is not a Spring Boot jar that can. */
    private boolean extract(Path extracted) {
        Path staging = folder.resolveSibling(folder.getFileName() + "." + UUID.randomUUID() + ".extracting");
        try {
            removeOlderFolders();
            Files.createDirectories(folder);
            Process process = new ProcessBuilder(ServiceProcess.javaExecutable().toString(), "-Djarmode=tools",
                    "-jar", jar.toString(), "extract", "--destination", staging.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0
                    || !Files.isRegularFile(staging.resolve(jar.getFileName()))) {
                process.destroyForcibly();
                log.warn("{} could not be extracted for class-data sharing; it starts from the jar", jar);
                deleteTree(staging);
                return false;
            }
            try {
                move(staging, extracted, false);
            } catch (FileAlreadyExistsException alreadyThere) {
                // another devstack extracted the same build at the same time: keep theirs
                deleteTree(staging);
            }
            return true;
        } catch (IOException e) {
            deleteTree(staging);
            log.warn("{} could not be extracted for class-data sharing ({}); it starts from the jar", jar, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while extracting " + jar, e);
        }
    }

    /** {@code <module>/target/class-data/<key>}: the extracted jar ({@code app/}) and the archive. */
    Path folder() {
        return folder;
    }

    /** Removes the folders of earlier builds or options (best effort: a running JVM may still map one). */
    private void removeOlderFolders() throws IOException {
        Path root = folder.getParent();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(p -> !p.equals(folder) && !p.getFileName().toString().contains(".extracting"))
                    .forEach(ClassDataArchive::deleteTree);
        }
    }

    private static void move(Path from, Path to, boolean replace) throws IOException {
        try {
            if (replace) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            if (!replace && Files.exists(to)) {
                throw new FileAlreadyExistsException(to.toString());
            }
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!replace && !Files.exists(to)) {
            throw new IOException("not moved: " + from);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.debug("could not remove {}: {}", root, e.toString());
        }
    }

    /** The jar's size and modification time, the JVM and its options: what makes an archive valid. */
    static String key(Path jar, List<String> jvmOptions) {
        try {
            String identity = String.join("\n", jar.toAbsolutePath().toString(), String.valueOf(Files.size(jar)),
                    String.valueOf(Files.getLastModifiedTime(jar).toMillis()), System.getProperty("java.home"),
                    System.getProperty("java.vm.version"), String.join(" ", jvmOptions));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
