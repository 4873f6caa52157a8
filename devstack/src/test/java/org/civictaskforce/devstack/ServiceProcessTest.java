package org.civictaskforce.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path dir;

    @Test
    void startsAJarWithItsEnvironmentWaitsForReadinessAndStopsIt() throws Exception {
        Path jar = dir.resolve("fake/target/fake.jar");
        FakeJars.write(jar);
        int port = Ports.freePort();
        ServiceProcess process = new ServiceProcess("fake", jar, port, Map.of("MONGODB_URI", "mongodb://localhost:1/x"),
                dir.resolve("logs/fake.log"));
        assertThat(process.command()).containsSubsequence(
                ServiceProcess.javaExecutable().toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toAbsolutePath().toString());
        try {
            process.startAndAwaitReady(Duration.ofSeconds(60));
            assertThat(process.isAlive()).isTrue();
            assertThat(process.environment()).containsEntry("SERVER_PORT", String.valueOf(port));
            assertThat(process.residentKib()).isPresent();
            assertThat(Files.readString(dir.resolve("logs/fake.log"))).contains("fake service listening on " + port);
        } finally {
            process.stop();
        }
        assertThat(process.isAlive()).isFalse();
        assertThat(Ports.isFree(port)).isTrue();
    }

    @Test
    void failsWithTheLogTailWhenTheProcessExitsBeforeItIsReady() throws Exception {
        Path jar = dir.resolve("fake/target/fake.jar");
        FakeJars.write(jar);
        Path log = dir.resolve("logs/broken.log");
        ServiceProcess process = new ServiceProcess("broken-service", jar, Ports.freePort(), Map.of("FAKE_FAIL", "3"), log);
        try {
            assertThatThrownBy(() -> process.startAndAwaitReady(Duration.ofSeconds(60)))
                    .isInstanceOf(DevstackException.class)
                    .hasMessageStartingWith("broken-service exited with code 3 before it was ready; its log: " + log)
                    .hasMessageContaining("APPLICATION FAILED TO START")
                    .hasMessageContaining("fake startup line 40")
                    .hasMessageContaining("fake startup line 12")
                    .hasMessageNotContaining("fake startup line 11\n");
        } finally {
            process.stop();
        }
    }

    @Test
    void failsWhenNotReadyInTime() throws Exception {
        // a process that never listens: the JVM just sleeps
        int port = Ports.freePort();
        Path log = dir.resolve("logs/slow.log");
        ServiceProcess process = new ServiceProcess("slow-service",
                java.util.List.of(ServiceProcess.javaExecutable().toString(), "-Xmx32m",
                        "-cp", System.getProperty("java.class.path"), SleepForever.class.getName()),
                port, Map.of(), log);
        try {
            assertThatThrownBy(() -> process.startAndAwaitReady(Duration.ofSeconds(2)))
                    .isInstanceOf(DevstackException.class)
                    .hasMessageStartingWith("slow-service did not become ready within 2 s")
                    .hasMessageContaining("its log: " + log);
        } finally {
            process.stop();
        }
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void tailReturnsTheLastLines() throws Exception {
        Path file = dir.resolve("t.log");
        Files.writeString(file, "a\nb\nc\nd\n");
        assertThat(ServiceProcess.tail(file, 2)).isEqualTo("c" + System.lineSeparator() + "d");
        assertThat(ServiceProcess.tail(dir.resolve("missing.log"), 2)).isEmpty();
    }

    /** Main class of a process that never becomes ready. */
    public static final class SleepForever {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
