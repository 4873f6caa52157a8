package org.civictaskforce.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {
    private static final List<String> OPTIONS = ServiceProcess.DEFAULT_JVM_OPTIONS;

    @TempDir
    Path dir;

    @Test
    void aJarThatCannotBeExtractedStartsAsItIs() throws Exception {
        Path jar = dir.resolve("fake/target/fake.jar");
        FakeJars.write(jar);

        ClassDataArchive.Launch launch = ClassDataArchive.of(jar, OPTIONS).prepare(OPTIONS);

        assertThat(launch.records()).isFalse();
        assertThat(launch.command()).isEqualTo(ServiceProcess.javaCommand(jar, OPTIONS));
    }

    @Test
    void theFirstRunRecordsTheArchiveWhenItStopsAndTheNextRunMapsIt() throws Exception {
        Path jar = dir.resolve("fake/target/fake.jar");
        FakeJars.write(jar);
        ClassDataArchive archive = ClassDataArchive.of(jar, OPTIONS);
        // what the tools jar mode makes of a Spring Boot jar; the fake service has no libraries
        FakeJars.write(archive.folder().resolve("app").resolve("fake.jar"));

        ClassDataArchive.Launch first = archive.prepare(OPTIONS);
        assertThat(first.records()).isTrue();
        assertThat(first.command()).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="))
                .noneMatch(o -> o.startsWith("-XX:SharedArchiveFile="));
        run(first, "first");
        Path published = archive.folder().resolve("app.jsa");
        assertThat(published).isNotEmptyFile();
        assertThat(first.recording()).doesNotExist();

        ClassDataArchive.Launch second = archive.prepare(OPTIONS);
        assertThat(second.records()).isFalse();
        assertThat(second.command()).contains("-XX:SharedArchiveFile=" + published)
                .noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
        // -Xshare:on makes the JVM refuse to start rather than ignore an archive it cannot map
        List<String> strict = new java.util.ArrayList<>(second.command());
        strict.add(1, "-Xshare:on");
        run(new ClassDataArchive.Launch(strict, null), "second");
    }

    @Test
    void aRecordingOfARunThatWasKilledIsDropped() throws Exception {
        Path recording = dir.resolve("app.jsa.1.recording");
        Files.writeString(recording, "half an archive");

        ClassDataArchive.finish(new ClassDataArchive.Launch(List.of("java"), recording), false);

        assertThat(recording).doesNotExist();
        assertThat(dir.resolve("app.jsa")).doesNotExist();
    }

    @Test
    void anotherBuildOrOtherOptionsGetAnotherArchive() throws Exception {
        Path jar = dir.resolve("fake/target/fake.jar");
        FakeJars.write(jar);
        String key = ClassDataArchive.key(jar, OPTIONS);

        assertThat(ClassDataArchive.key(jar, OPTIONS)).isEqualTo(key);
        assertThat(ClassDataArchive.key(jar, List.of("-Xmx512m"))).isNotEqualTo(key);
        Files.writeString(jar.resolveSibling("other.jar"), "x");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(ClassDataArchive.key(jar, OPTIONS)).isNotEqualTo(key);
    }

    private void run(ClassDataArchive.Launch launch, String name) {
        ServiceProcess process = new ServiceProcess("fake-" + name, launch, Ports.freePort(), Map.of(),
                dir.resolve("logs/" + name + ".log"));
        try {
            process.startAndAwaitReady(Duration.ofSeconds(60));
        } finally {
            process.stop();
        }
        assertThat(process.logTail(50)).doesNotContain("[error]");
    }
}
