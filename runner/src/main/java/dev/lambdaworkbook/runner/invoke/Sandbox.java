package dev.lambdaworkbook.runner.invoke;

import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.runner.child.Protocol;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One execution environment: a child JVM with the handler loaded, its private temporary folder and the threads that
 * read its output. It lives from a cold start until a timeout, a crash, a forced cold start or the runner's end.
 */
final class Sandbox {

    /** Marks the end of the child's output in the control queue. */
    static final Protocol.Frame EXITED = new Protocol.Frame((byte) -1, new byte[0]);

    private final Process process;
    private final Path tmp;
    private final OutputStream requests;
    private final BlockingQueue<Protocol.Frame> control = new LinkedBlockingQueue<>();
    private final Thread shutdownHook;
    private long lastKnownPeakBytes;

    private Sandbox(Process process, Path tmp, LogBuffer log) {
        this.process = process;
        this.tmp = tmp;
        this.requests = process.getOutputStream();
        startReader("lambda-local-salida", () -> readFrames(process.getInputStream(), log));
        startReader("lambda-local-errores", () -> copyRaw(process.getErrorStream(), log));
        this.shutdownHook = new Thread(process::destroyForcibly, "lambda-local-parada");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static Sandbox start(LocalFunction function, Map<String, String> host, LogBuffer log) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("lambda-local-tmp-");
        } catch (IOException unavailable) {
            throw new UncheckedIOException("No se puede crear la carpeta temporal de la función", unavailable);
        }
        ProcessBuilder builder = ChildCommand.build(function, tmp, TestContext.newLogStreamName(Instant.now()), host);
        try {
            return new Sandbox(builder.start(), tmp, log);
        } catch (IOException failed) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("No se puede arrancar la JVM de la función con '" + builder.command().get(0)
                    + "'", failed);
        }
    }

    void send(byte type, byte[] body) {
        try {
            new Protocol.Writer(requests).write(type, body);
        } catch (UncheckedIOException closed) {
            control.add(EXITED);
        }
    }

    /** Waits up to {@code millis} for the next control frame; returns null when none came in time. */
    Protocol.Frame poll(long millis) throws InterruptedException {
        return control.poll(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    OptionalLong residentBytes() {
        return ProcessMemory.current(process.pid());
    }

    /** Returns the peak resident memory, remembering the last reading for when the process is gone. */
    long peakBytes(long fallback) {
        OptionalLong peak = ProcessMemory.peak(process.pid());
        if (peak.isPresent()) {
            lastKnownPeakBytes = Math.max(lastKnownPeakBytes, peak.getAsLong());
        } else if (fallback > 0) {
            lastKnownPeakBytes = Math.max(lastKnownPeakBytes, fallback);
        }
        return lastKnownPeakBytes;
    }

    /** Waits for the process to end by itself and describes how it ended, as Lambda does. */
    String exitReason() throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        int status = process.exitValue();
        if (status > 128 && status < 160) {
            return "signal: " + signalName(status - 128);
        }
        return "exit status " + status;
    }

    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        cleanUp();
    }

    /** Ends the environment politely: closing its input lets the child finish its loop and exit. */
    void close() {
        try {
            requests.close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException ignored) {
            process.destroyForcibly();
        }
        cleanUp();
    }

    private void cleanUp() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running already or will run: nothing to remove.
        }
        deleteQuietly(tmp);
    }

    private void readFrames(InputStream output, LogBuffer log) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(output))) {
            Protocol.Frame frame;
            while ((frame = Protocol.read(in)) != null) {
                if (frame.type() == Protocol.LOG) {
                    log.append(frame.body());
                } else {
                    control.add(frame);
                }
            }
        } catch (IOException ended) {
            // The child died mid-frame; EXITED below tells the waiting invocation.
        } finally {
            control.add(EXITED);
        }
    }

    private static void copyRaw(InputStream errors, LogBuffer log) {
        byte[] buffer = new byte[8192];
        try (errors) {
            int read;
            while ((read = errors.read(buffer)) >= 0) {
                log.append(java.util.Arrays.copyOf(buffer, read));
            }
        } catch (IOException ended) {
            // The stream closes when the child ends.
        }
    }

    private static void startReader(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> "killed";
            case 15 -> "terminated";
            case 6 -> "aborted";
            case 11 -> "segmentation fault";
            default -> "signal " + signal;
        };
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A leftover temporary folder is harmless; the system cleans its temporary area.
        }
    }
}
