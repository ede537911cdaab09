package dev.lambdaworkbook.runner.invoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads a process's resident memory from {@code /proc/<pid>/status}, the measure Lambda's "Max Memory Used" and its
 * memory limit refer to. Other systems have no such file: there every reading is empty.
 */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Returns the current resident set size in bytes ({@code VmRSS}). */
    static OptionalLong current(long pid) {
        return field(pid, "VmRSS:");
    }

    /** Returns the peak resident set size in bytes since the process started ({@code VmHWM}). */
    static OptionalLong peak(long pid) {
        return field(pid, "VmHWM:");
    }

    private static OptionalLong field(long pid, String name) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(name)) {
                    String kilobytes = line.substring(name.length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
