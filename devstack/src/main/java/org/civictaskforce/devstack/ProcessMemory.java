package org.civictaskforce.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident memory (RSS) of a process, read from {@code /proc/<pid>/status} (Linux). */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** VmRSS of the process in KiB, empty when unknown (not Linux, process gone). */
    public static OptionalLong residentKib(long pid) {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux or the process is gone
        }
        return OptionalLong.empty();
    }

    /** "123 MiB" or "?" when unknown. */
    public static String describe(OptionalLong kib) {
        return kib.isPresent() ? (kib.getAsLong() + 512) / 1024 + " MiB" : "?";
    }
}
