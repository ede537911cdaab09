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
        // Read as bytes and scan by hand: this runs after every invocation and must stay far below a millisecond.
        String status;
        try {
            status = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "status")),
                    java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException unavailable) {
            return OptionalLong.empty();
        }
        int start = status.indexOf(name);
        if (start < 0) {
            return OptionalLong.empty();
        }
        int end = status.indexOf('\n', start);
        String kilobytes = status.substring(start + name.length(), end < 0 ? status.length() : end)
                .replace("kB", "").trim();
        try {
            return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
        } catch (NumberFormatException unexpected) {
            return OptionalLong.empty();
        }
    }
}
